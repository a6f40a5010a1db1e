package org.lectern.grading.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.notebooks.Cell;
import org.lectern.notebooks.Notebook;

/**
 * The check on realistic solutions of one assignment (a two-layer net with softmax loss, numpy): see the fixtures
 * under src/test/resources/plagiarism. Similarities observed with the defaults (minimum match 12 tokens, starter code
 * as base code) are noted by the assertions that bound them.
 */
class PlagiarismCheckTest {

    private static final double FLAG = CheckOptions.DEFAULT_FLAG_THRESHOLD;

    @TempDir
    Path temp;

    private final PlagiarismCheck check = new PlagiarismCheck();

    private CheckResult run(List<Candidate> candidates) throws IOException {
        return run(new CheckInput(SourceLanguage.PYTHON, candidates, Fixtures.starter()));
    }

    private CheckResult run(CheckInput input) throws IOException {
        return check.run(input, Files.createTempDirectory(temp, "check"), null);
    }

    @Test
    void renamedAndReorderedCopyIsFlaggedAndRankedFirst() throws IOException {
        CheckResult result = run(List.of(Fixtures.student("alice"), Fixtures.student("bob"), Fixtures.student("chen"),
                Fixtures.student("dana")));

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.COMPARED);
        assertThat(result.comparisons()).isEqualTo(6);
        Pair top = result.pairs().getFirst();
        assertThat(top.between("alice", "dana")).isTrue();
        assertThat(top.flagged()).isTrue();
        assertThat(top.maximumSimilarity()).isGreaterThan(0.75); // 0.78 observed (0.86 at a minimum match of 9)
        assertThat(top.averageSimilarity()).isGreaterThan(0.7); // 0.75 observed
        assertThat(result.flaggedPairs()).isEqualTo(1);
        assertThat(result.clusters()).containsExactly(new Cluster(List.of("alice", "dana"), 1, top.maximumSimilarity(),
                top.maximumSimilarity()));

        // Fragments name real lines of both files: dana's reordered functions are found where she put them.
        assertThat(top.fragments()).isNotEmpty();
        int danaLines = Fixtures.text("students/dana/two_layer_net.py").split("\n").length;
        for (Fragment fragment : top.fragments()) {
            assertThat(fragment.first().file()).isEqualTo("two_layer_net.py");
            assertThat(fragment.first().startLine()).isPositive().isLessThanOrEqualTo(fragment.first().endLine());
            assertThat(fragment.second().endLine()).isLessThanOrEqualTo(danaLines);
            assertThat(fragment.tokens()).isGreaterThanOrEqualTo(result.options().minimumTokenMatch());
            assertThat(fragment.first().startCell()).isNull();
        }
        assertThat(top.fragments().stream().mapToInt(Fragment::tokens).sum()).isEqualTo(top.matchedTokens());
        // Ranked by maximum, then average similarity.
        for (int i = 1; i < result.pairs().size(); i++) {
            assertThat(result.pairs().get(i).maximumSimilarity()).isLessThanOrEqualTo(result.pairs().get(i - 1).maximumSimilarity());
        }
    }

    @Test
    void independentSolutionsSharingStarterCodeAreNotFlagged() throws IOException {
        List<Candidate> independent = List.of(Fixtures.student("alice"), Fixtures.student("bob"), Fixtures.student("chen"));

        CheckResult withStarter = run(independent);

        assertThat(withStarter.pairs()).hasSize(3).allSatisfy(pair -> {
            assertThat(pair.flagged()).isFalse();
            assertThat(pair.maximumSimilarity()).isLessThan(0.2); // 0.12 at most observed
        });
        assertThat(withStarter.flaggedPairs()).isZero();
        assertThat(withStarter.clusters()).isEmpty();
        assertThat(withStarter.baseCodeWarning()).isNull();

        // Without the starter code as base code, the provided functions alone make them look alike.
        CheckResult withoutStarter = run(new CheckInput(SourceLanguage.PYTHON, independent, Map.of()));
        assertThat(withoutStarter.pairs()).allSatisfy(pair -> assertThat(pair.maximumSimilarity()).isGreaterThan(0.4));
        assertThat(withoutStarter.flaggedPairs()).isPositive();
        assertThat(withoutStarter.baseCodeWarning()).isEqualTo(CheckResult.NO_BASE_CODE_WARNING);
    }

    @Test
    void copyOfAnAiReferenceIsFlaggedAgainstTheReference() throws IOException {
        CheckResult result = run(List.of(Fixtures.student("alice"), Fixtures.student("bob"), Fixtures.student("eve"),
                Fixtures.chatGptReference()));

        Pair top = result.pairs().getFirst();
        assertThat(top.first().id()).isEqualTo("eve");
        assertThat(top.second()).isEqualTo(new Pair.Party("ref-chatgpt", "AI solution", Candidate.Kind.REFERENCE,
                "ChatGPT-4o, 2026-10-02"));
        assertThat(top.flagged()).isTrue();
        assertThat(top.maximumSimilarity()).isGreaterThan(0.9); // 0.94 observed
        assertThat(result.pairs()).filteredOn(pair -> !pair.between("eve", "ref-chatgpt"))
                .allSatisfy(pair -> assertThat(pair.maximumSimilarity()).isLessThan(0.35)); // 0.29 at most observed
        // A reference is always the second party, and never a cluster member.
        assertThat(result.pairs()).allSatisfy(pair -> assertThat(pair.first().kind()).isEqualTo(Candidate.Kind.STUDENT));
        assertThat(result.clusters()).isEmpty();
    }

    @Test
    void notebookIsComparedByItsCodeCellsAndFragmentsMapBackToCells() throws IOException {
        String ipynb = Fixtures.text("students/frank/assignment2.ipynb");
        CheckResult result = run(List.of(Fixtures.student("alice"), Fixtures.student("bob"), Fixtures.frankNotebook()));

        Pair pair = result.pair("bob", "frank").orElseThrow();
        assertThat(pair.flagged()).isTrue();
        assertThat(pair.maximumSimilarity()).isGreaterThan(0.9); // 0.96 observed
        assertThat(result.pair("alice", "frank").orElseThrow().flagged()).isFalse();

        ComparedFile notebook = result.file("frank", "assignment2.ipynb").orElseThrow();
        assertThat(notebook.isNotebook()).isTrue();
        assertThat(notebook.text()).contains("# !pip install numpy matplotlib", "# %matplotlib inline", "# %%time")
                .doesNotContain("\"cell_type\"");
        List<Cell> cells = Notebook.parse(ipynb.getBytes(StandardCharsets.UTF_8)).cells();
        String[] compared = notebook.text().split("\n", -1);
        assertThat(pair.fragments()).isNotEmpty().allSatisfy(fragment -> {
            Fragment.Span span = fragment.second(); // frank sorts after bob
            assertThat(span.file()).isEqualTo("assignment2.ipynb");
            assertThat(span.startCell()).isNotNull();
            assertThat(span.endCell()).isNotNull();
            // The compared line is the cell's line: what the UI shows under "cell k, line n" is what matched.
            String cellLine = cells.get(span.startCell().cell() - 1).source().split("\n", -1)[span.startCell().line() - 1];
            assertThat(compared[span.startLine() - 1]).isEqualTo(cellLine);
            assertThat(cells.get(span.startCell().cell() - 1).type()).isEqualTo(Cell.Type.CODE);
        });
        assertThat(result.problems()).isEmpty(); // the magics were commented out, so nothing failed to parse
    }

    @Test
    void fileWithNewerSyntaxIsListedAndTheCheckGoesOn() throws IOException {
        CheckResult result = run(List.of(Fixtures.student("alice"), Fixtures.student("chen"), Fixtures.student("gina")));

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.COMPARED);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.candidateId()).isEqualTo("gina");
            assertThat(problem.file()).isEqualTo("two_layer_net.py");
            assertThat(problem.kind()).isEqualTo(ParseProblem.Kind.PARSED_WITH_ERRORS);
            assertThat(problem.message()).contains("line 55:", "Python 3.6 grammar", ":= (3.8)", "match (3.10)", "by hand")
                    .doesNotContain(temp.toString());
        });
        assertThat(result.pair("alice", "chen")).isPresent();
        assertThat(result.pair("chen", "gina").orElseThrow().flagged()).isTrue(); // what the parser recovered still matches
    }

    @Test
    void noSubmissionsSaysSo() throws IOException {
        CheckResult empty = run(List.of());
        assertThat(empty.outcome()).isEqualTo(CheckResult.Outcome.NO_SUBMISSIONS);
        assertThat(empty.message()).isEqualTo("No submissions to compare.");
        assertThat(empty.pairs()).isEmpty();
        assertThat(empty.reportFile()).isNull();

        CheckResult noCode = run(List.of(Candidate.student("u1", "Ann", Map.of("answers.md", "I did not finish.")),
                Fixtures.chatGptReference()));
        assertThat(noCode.outcome()).isEqualTo(CheckResult.Outcome.NO_SUBMISSIONS);
        assertThat(noCode.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.candidateId()).isEqualTo("u1");
            assertThat(problem.kind()).isEqualTo(ParseProblem.Kind.NO_CODE);
        });
    }

    @Test
    void oneStudentAloneHasNothingToCompareAgainst() throws IOException {
        CheckResult result = run(List.of(Fixtures.student("alice")));

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.ONE_SUBMISSION);
        assertThat(result.message()).startsWith("Only one submission: nothing to compare against");
        assertThat(result.pairs()).isEmpty();
    }

    @Test
    void oneStudentIsStillComparedAgainstAReference() throws IOException {
        CheckResult result = run(List.of(Fixtures.student("eve"), Fixtures.chatGptReference()));

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.COMPARED);
        assertThat(result.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.between("eve", "ref-chatgpt")).isTrue();
            assertThat(pair.flagged()).isTrue();
        });
    }

    @Test
    void earlierTermsAreComparedWithStudentsButNotWithEachOther() throws IOException {
        // Two earlier-term submissions that are copies of each other: that is old news and must not be reported.
        Candidate oldAlice = Candidate.previousTerm("2025-u7", "Student 7", "2025 autumn",
                Map.of("two_layer_net.py", Fixtures.text("students/alice/two_layer_net.py")));
        Candidate oldDana = Candidate.previousTerm("2025-u9", "Student 9", "2025 autumn",
                Map.of("two_layer_net.py", Fixtures.text("students/dana/two_layer_net.py")));
        CheckResult result = run(List.of(oldAlice, oldDana, Fixtures.student("bob"), Fixtures.student("chen"),
                Candidate.student("u12", "Uma", Map.of("two_layer_net.py", Fixtures.text("students/alice/two_layer_net.py")))));

        assertThat(result.comparisons()).isEqualTo(3 + 3 * 2); // students among themselves, and each against both earlier ones
        assertThat(result.pair("2025-u7", "2025-u9")).isEmpty();
        assertThat(result.pairs().getFirst().between("u12", "2025-u7")).isTrue();
        assertThat(result.pairs().getFirst().maximumSimilarity()).isGreaterThan(0.9); // the same file; 0.96 next to base code
        assertThat(result.pair("u12", "2025-u9").orElseThrow().flagged()).isTrue();
        assertThat(result.pair("u12", "2025-u9").orElseThrow().second().origin()).isEqualTo("2025 autumn");
        assertThat(result.clusters()).isEmpty(); // only students cluster
    }

    @Test
    void aTeamIsOneCandidateAndCountsOnce() throws IOException {
        Candidate team = Candidate.team("team7", "Team 7 (Ana, Bo)", List.of("u41", "u42"),
                Map.of("two_layer_net.py", Fixtures.text("students/alice/two_layer_net.py")));
        CheckResult result = run(List.of(team, Fixtures.student("bob"), Fixtures.student("dana")));

        assertThat(result.comparisons()).isEqualTo(3);
        Pair top = result.pairs().getFirst();
        assertThat(top.between("team7", "dana")).isTrue();
        assertThat(top.second()).isEqualTo(new Pair.Party("team7", "Team 7 (Ana, Bo)", Candidate.Kind.STUDENT, null));

        Candidate aloneToo = Candidate.student("u42", "Bo", Map.of("two_layer_net.py", "x = 1\n"));
        assertThatThrownBy(() -> new CheckInput(SourceLanguage.PYTHON, List.of(team, aloneToo), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u42").hasMessageContaining("one candidate per team");
        assertThatThrownBy(() -> new CheckInput(SourceLanguage.PYTHON, List.of(team, team), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
    }

    @Test
    void progressRunsThroughThePhasesInOrderAndEndsAtOne() throws IOException {
        List<Progress> seen = Collections.synchronizedList(new ArrayList<>());
        CheckInput input = new CheckInput(SourceLanguage.PYTHON, List.of(Fixtures.student("alice"), Fixtures.student("bob"),
                Fixtures.student("dana"), Fixtures.chatGptReference()), Fixtures.starter());

        check.run(input, temp.resolve("progress"), seen::add);

        assertThat(seen).extracting(Progress::phase).containsSubsequence(Progress.Phase.WRITING_FILES, Progress.Phase.PARSING,
                Progress.Phase.COMPARING, Progress.Phase.WRITING_REPORT, Progress.Phase.DONE);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).overall()).isGreaterThanOrEqualTo(seen.get(i - 1).overall());
        }
        assertThat(seen).filteredOn(p -> p.phase() == Progress.Phase.COMPARING).last()
                .satisfies(p -> assertThat(p.fraction()).isEqualTo(1.0));
        assertThat(seen.getLast()).isEqualTo(new Progress(Progress.Phase.DONE, 1.0, 1.0));
    }

    @Test
    void aProgressConsumerCanCancelTheCheck() throws IOException {
        Path work = temp.resolve("cancelled");
        CheckInput input = new CheckInput(SourceLanguage.PYTHON, List.of(Fixtures.student("alice"), Fixtures.student("bob")),
                Fixtures.starter());

        assertThatThrownBy(() -> check.run(input, work, progress -> {
            if (progress.phase() == Progress.Phase.COMPARING) {
                throw new CancellationException("staff cancelled the check");
            }
        })).isInstanceOf(CancellationException.class) // possibly re-created by the fork-join pool, with the original as cause
                .hasStackTraceContaining("staff cancelled the check");
        try (var entries = Files.list(work)) {
            assertThat(entries).isEmpty(); // no code left behind, and no report
        }
    }

    @Test
    void reportZipStaysAndTheWrittenCodeGoes() throws IOException {
        Path work = temp.resolve("report");
        CheckResult result = check.run(new CheckInput(SourceLanguage.PYTHON,
                List.of(Fixtures.student("alice"), Fixtures.student("dana"), Fixtures.chatGptReference()), Fixtures.starter()), work, null);

        assertThat(result.reportFile()).isEqualTo(work.toRealPath().resolve("report.zip"));
        try (ZipFile zip = new ZipFile(result.reportFile().toFile())) {
            assertThat(zip.getEntry("overview.json")).isNotNull();
            assertThat(zip.stream().map(entry -> entry.getName()))
                    .anyMatch(name -> name.startsWith("files/") && name.contains("Alice-alice") && name.endsWith("two_layer_net.py"));
        }
        try (var entries = Files.list(work)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("report.zip");
        }

        Path kept = temp.resolve("kept");
        check.run(new CheckInput(SourceLanguage.PYTHON, List.of(Fixtures.student("alice"), Fixtures.student("dana")),
                Fixtures.starter(), CheckOptions.defaults().withKeepWorkingFiles(true)), kept, null);
        assertThat(kept.resolve("students/Alice-alice/two_layer_net.py")).exists();
        assertThat(kept.resolve("starter/two_layer_net.py")).exists();

        assertThatThrownBy(() -> check.run(new CheckInput(SourceLanguage.PYTHON,
                List.of(Fixtures.student("alice"), Fixtures.student("dana")), Map.of()), kept, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be empty");
    }

    @Test
    void starterCodeThatCannotServeAsBaseCodeIsReportedAndLeftOut() throws IOException {
        // A starter with only a docstring has fewer tokens than one match, which JPlag refuses as base code.
        CheckResult result = run(new CheckInput(SourceLanguage.PYTHON, List.of(Fixtures.student("alice"), Fixtures.student("dana")),
                Map.of("two_layer_net.py", "\"\"\"Write your network here.\"\"\"\n")));

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.COMPARED);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.candidateId()).isEqualTo(ParseProblem.STARTER_CODE);
            assertThat(problem.kind()).isEqualTo(ParseProblem.Kind.BASE_CODE_IGNORED);
        });
        assertThat(result.pairs().getFirst().flagged()).isTrue();
    }

    @Test
    void unsafeAndUnreadableFilesAreListedNotFatal() throws IOException {
        Candidate odd = Candidate.student("u5", "Odd", Map.of(
                "../escape.py", "print('no')\n",
                "broken.ipynb", "{not json",
                "lib/Util.PY", "def helper(x):\n    return [v * 2 for v in x]\n",
                "two_layer_net.py", Fixtures.text("students/chen/two_layer_net.py")));
        CheckResult result = run(List.of(Fixtures.student("alice"), odd));

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.COMPARED);
        assertThat(result.problems()).extracting(ParseProblem::file, ParseProblem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("../escape.py", ParseProblem.Kind.FILE_SKIPPED),
                org.assertj.core.groups.Tuple.tuple("broken.ipynb", ParseProblem.Kind.FILE_SKIPPED));
        assertThat(result.files().get("u5")).extracting(ComparedFile::name).containsExactlyInAnyOrder("two_layer_net.py", "lib/Util.PY");
    }

    @Test
    void concurrentChecksKeepTheirProgressApart() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<List<Progress>> seen = List.of(Collections.synchronizedList(new ArrayList<>()),
                    Collections.synchronizedList(new ArrayList<>()));
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                List<Progress> mine = seen.get(i);
                Path work = temp.resolve("concurrent-" + i);
                CheckInput input = new CheckInput(SourceLanguage.PYTHON, List.of(Fixtures.student("alice"), Fixtures.student("bob"),
                        Fixtures.student(i == 0 ? "dana" : "chen")), Fixtures.starter());
                futures.add(pool.submit(() -> check.run(input, work, mine::add)));
            }
            assertThat(futures.get(0).get().flaggedPairs()).isEqualTo(1);
            assertThat(futures.get(1).get().flaggedPairs()).isZero();
            for (List<Progress> mine : seen) {
                assertThat(mine).extracting(Progress::phase).containsSubsequence(Progress.Phase.PARSING, Progress.Phase.COMPARING,
                        Progress.Phase.DONE);
                for (int i = 1; i < mine.size(); i++) {
                    assertThat(mine.get(i).overall()).isGreaterThanOrEqualTo(mine.get(i - 1).overall());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.lectern.grading.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same check on Java: javac's parser through JPlag's Java module. */
class JavaPlagiarismCheckTest {

    private static final String BROKEN = """
            public final class Broken {
                static double mean(double[] values) {
                    double sum = 0
                    for (double v : values) { sum += v; }
                    return sum / values.length;
                }
            }
            """;

    @TempDir
    Path temp;

    private static Candidate student(String id, String file) {
        return Candidate.student(id, id, Map.of(file, Fixtures.text("java/" + id + "/" + file)));
    }

    @Test
    void renamedAndReorderedJavaCopyIsFlagged() throws IOException {
        Candidate lena = Candidate.student("lena", "Lena", Map.of("Broken.java", BROKEN,
                "Softmax.java", Fixtures.text("java/kai/Classifier.java").replace("Classifier", "Softmax")));
        CheckResult result = new PlagiarismCheck().run(new CheckInput(SourceLanguage.JAVA,
                List.of(student("ines", "Softmax.java"), student("jonas", "SoftmaxClassifier.java"), student("kai", "Classifier.java"), lena),
                Map.of()), temp.resolve("java"), null);

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.COMPARED);
        assertThat(result.options().minimumTokenMatch()).isEqualTo(9);
        Pair copy = result.pair("ines", "jonas").orElseThrow();
        assertThat(copy.flagged()).isTrue();
        assertThat(copy.maximumSimilarity()).isGreaterThan(0.9);
        assertThat(copy.fragments()).isNotEmpty().allSatisfy(fragment -> {
            assertThat(fragment.first().file()).isEqualTo("Softmax.java");
            assertThat(fragment.second().file()).isEqualTo("SoftmaxClassifier.java");
        });
        assertThat(result.pair("ines", "kai").orElseThrow().flagged()).isFalse();
        assertThat(result.pair("jonas", "kai").orElseThrow().flagged()).isFalse();

        // Lena's broken file is listed; her other file was still compared (and is kai's, renamed).
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.candidateId()).isEqualTo("lena");
            assertThat(problem.file()).isEqualTo("Broken.java");
            assertThat(problem.kind()).isEqualTo(ParseProblem.Kind.FILE_SKIPPED);
            assertThat(problem.message()).contains("';' expected").doesNotContain(temp.toString());
        });
        assertThat(result.pairs().getFirst().between("kai", "lena")).isTrue();
        assertThat(result.pairs().getFirst().maximumSimilarity()).isEqualTo(1.0);
    }

    @Test
    void tooFewParsableSubmissionsSaySo() throws IOException {
        CheckResult result = new PlagiarismCheck().run(new CheckInput(SourceLanguage.JAVA,
                List.of(student("ines", "Softmax.java"), Candidate.student("lena", "Lena", Map.of("Broken.java", BROKEN))),
                Map.of()), temp.resolve("few"), null);

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.TOO_FEW_PARSABLE);
        assertThat(result.pairs()).isEmpty();
        assertThat(result.reportFile()).isNull();
        assertThat(result.problems()).extracting(ParseProblem::candidateId, ParseProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lena", ParseProblem.Kind.FILE_SKIPPED),
                        org.assertj.core.groups.Tuple.tuple("lena", ParseProblem.Kind.CANDIDATE_EXCLUDED));
    }

    @Test
    void filesTooShortToCompareAreListedWithJPlagsReason() throws IOException {
        // JPlag refuses the whole check and only logs why; the reasons must reach the result.
        CheckResult result = new PlagiarismCheck().run(new CheckInput(SourceLanguage.JAVA,
                List.of(student("ines", "Softmax.java"), Candidate.student("mo", "Mo", Map.of("Tiny.java", "class Tiny { }\n"))),
                Map.of()), temp.resolve("tiny"), null);

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.TOO_FEW_PARSABLE);
        assertThat(result.message()).contains("the problems below say why");
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.candidateId()).isEqualTo("mo");
            assertThat(problem.kind()).isEqualTo(ParseProblem.Kind.CANDIDATE_EXCLUDED);
            assertThat(problem.message()).startsWith("not compared: too little code to compare (").contains("one match needs 9");
        });
    }
}

package org.lectern.grading.plagiarism;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Match;
import de.jplag.Submission;
import de.jplag.Token;
import de.jplag.exceptions.BasecodeException;
import de.jplag.exceptions.ExitException;
import de.jplag.exceptions.SubmissionException;
import de.jplag.options.JPlagOptions;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lectern.notebooks.NotebookFormatException;

/**
 * A plagiarism check of one assignment with JPlag: writes the candidates into a working directory (students as JPlag's
 * submissions, earlier terms and references as its old submissions, the starter files as base code), runs JPlag,
 * writes its report zip and maps the result to {@link CheckResult}.
 *
 * <p>Pure Java and stateless: safe to run several checks at once on different working directories. JPlag compares
 * on all cores through the common fork-join pool.
 */
public final class PlagiarismCheck {

    static final String STUDENTS_DIR = "students";
    static final String PREVIOUS_TERMS_DIR = "previous-terms";
    static final String REFERENCES_DIR = "references";
    static final String STARTER_DIR = "starter";
    static final String REPORT_FILE = "report.zip";

    private static final Pattern UNSAFE_NAME_CHARS = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private static final String PYTHON_GRAMMAR_NOTE = "JPlag reads Python with a Python 3.6 grammar: newer syntax such as "
            + ":= (3.8) or match (3.10) is not understood, and code around it may be left out of the comparison, so a copy "
            + "can go unnoticed. Review this file by hand.";

    /**
     * Runs a check.
     *
     * @param input what to compare
     * @param workDirectory a directory that does not exist yet or is empty; the report zip is written there and stays
     * @param progress called with the check's progress, from this thread and from JPlag's worker threads, one call at a
     *     time; may be null. An exception it throws ends the check and reaches the caller: a way to cancel.
     * @throws IOException when the working directory or the report cannot be written
     */
    public CheckResult run(CheckInput input, Path workDirectory, Consumer<Progress> progress) throws IOException {
        ProgressBridge.Reporter reporter = new ProgressBridge.Reporter(progress);
        SourceLanguage language = input.language();
        CheckOptions options = input.options().withMinimumTokenMatch(input.options().minimumTokenMatchFor(language));
        List<ParseProblem> problems = new ArrayList<>();

        List<Candidate> withCode = new ArrayList<>();
        for (Candidate candidate : input.candidates()) {
            if (candidate.files().keySet().stream().anyMatch(language::accepts)) {
                withCode.add(candidate);
            } else {
                problems.add(new ParseProblem(candidate.id(), null, ParseProblem.Kind.NO_CODE,
                        "no " + describe(language) + " files (" + String.join(", ", language.suffixes()) + ") to compare"));
            }
        }
        long students = withCode.stream().filter(Candidate::isStudent).count();
        if (students == 0) {
            return notCompared(CheckResult.Outcome.NO_SUBMISSIONS, "No submissions to compare.", problems, options);
        }
        if (withCode.size() == 1) {
            return notCompared(CheckResult.Outcome.ONE_SUBMISSION,
                    "Only one submission: nothing to compare against (no other students, earlier terms or references).",
                    problems, options);
        }

        Workspace workspace = Workspace.create(workDirectory);
        try {
            reporter.report(Progress.Phase.WRITING_FILES, 0);
            Map<String, List<ComparedFile>> compared = new LinkedHashMap<>();
            int written = 0;
            for (Candidate candidate : withCode) {
                compared.put(candidate.id(), workspace.write(candidate, language, problems));
                reporter.report(Progress.Phase.WRITING_FILES, ++written / (double) withCode.size());
            }
            boolean hasBaseCode = workspace.writeBaseCode(input.baseCode(), language, problems);

            PerFileLanguage jplagLanguage = PerFileLanguage.of(language);
            reporter.report(Progress.Phase.PARSING, 0);
            jplagLanguage.parseAhead(workspace.writtenFiles(), fraction -> reporter.report(Progress.Phase.PARSING, fraction));
            JPlagResult result;
            ProgressBridge.bind(reporter);
            try {
                result = runJPlag(workspace, jplagLanguage, options, hasBaseCode, problems);
            } finally {
                ProgressBridge.unbind();
                jplagLanguage.forgetParsedAhead();
            }
            if (result == null) { // JPlag refuses to run with fewer than two parsable submissions
                workspace.addParseProblems(jplagLanguage, problems, language);
                // JPlag only logs why it refused each submission; staff need the reasons beside the result.
                workspace.addUncomparable(jplagLanguage, options.minimumTokenMatch(), problems);
                return notCompared(CheckResult.Outcome.TOO_FEW_PARSABLE,
                        "Fewer than two submissions could be compared, so nothing was compared; the problems below say why.",
                        problems, options, compared);
            }
            workspace.addParseProblems(jplagLanguage, problems, language);
            workspace.addInvalidSubmissions(result, problems);
            String baseCodeWarning = !hasBaseCode ? CheckResult.NO_BASE_CODE_WARNING
                    : problems.stream().anyMatch(p -> p.kind() == ParseProblem.Kind.BASE_CODE_IGNORED)
                            ? CheckResult.UNUSABLE_BASE_CODE_WARNING : null;

            reporter.report(Progress.Phase.WRITING_REPORT, 0);
            Path report = workspace.root.resolve(REPORT_FILE);
            new ReportObjectFactory(report.toFile()).createAndSaveReport(result);

            CheckResult checkResult = new ResultMapping(workspace, options).map(result, problems, report, compared, baseCodeWarning);
            reporter.report(Progress.Phase.DONE, 1);
            return checkResult;
        } finally {
            if (!options.keepWorkingFiles()) {
                workspace.deleteCode();
            }
        }
    }

    /** JPlag's result, or null when fewer than two submissions could be parsed. */
    private static JPlagResult runJPlag(Workspace workspace, PerFileLanguage language, CheckOptions options, boolean hasBaseCode,
            List<ParseProblem> problems) throws IOException {
        JPlagOptions jplagOptions = workspace.jplagOptions(language, options, hasBaseCode);
        try {
            try {
                return JPlag.run(jplagOptions);
            } catch (BasecodeException e) {
                // Starter code that cannot serve as base code (unparsable, or shorter than one match) must not stop the check.
                problems.add(new ParseProblem(ParseProblem.STARTER_CODE, null, ParseProblem.Kind.BASE_CODE_IGNORED,
                        "The starter code could not be used (" + e.getMessage() + "); compared without it, so code shared "
                                + "through the starter files counts as similar."));
                return JPlag.run(jplagOptions.withBaseCodeSubmissionDirectory(null));
            }
        } catch (SubmissionException e) {
            // JPlag has no exception of its own for this outcome; its message is the only sign.
            if (e.getMessage() != null && e.getMessage().startsWith("Not enough valid submissions")) {
                return null;
            }
            throw new IOException("JPlag could not read the submissions: " + e.getMessage(), e);
        } catch (ExitException e) {
            throw new IOException("JPlag failed: " + e.getMessage(), e);
        }
    }

    private static CheckResult notCompared(CheckResult.Outcome outcome, String message, List<ParseProblem> problems, CheckOptions options) {
        return notCompared(outcome, message, problems, options, Map.of());
    }

    private static CheckResult notCompared(CheckResult.Outcome outcome, String message, List<ParseProblem> problems, CheckOptions options,
            Map<String, List<ComparedFile>> files) {
        return new CheckResult(outcome, message, List.of(), 0, 0, List.of(), problems, null, files, options, null);
    }

    private static String describe(SourceLanguage language) {
        return switch (language) {
            case PYTHON -> "Python or notebook";
            case JAVA -> "Java";
        };
    }

    /** The working directory: where each candidate's files went, and back from JPlag's files to candidates. */
    static final class Workspace {
        final Path root;
        private final Map<String, Candidate> candidateByDir = new HashMap<>();
        private final Map<Path, Located> fileByPath = new HashMap<>();
        private final Set<String> usedDirs = new HashSet<>();

        /** A written file: its candidate (null for starter code) and what was compared. */
        record Located(Candidate candidate, ComparedFile file) {
        }

        private Workspace(Path root) {
            this.root = root;
        }

        static Workspace create(Path directory) throws IOException {
            Files.createDirectories(directory);
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the working directory must be empty: " + directory);
                }
            }
            // JPlag names files by their canonical path; resolving links here makes the two agree.
            return new Workspace(directory.toRealPath());
        }

        List<ComparedFile> write(Candidate candidate, SourceLanguage language, List<ParseProblem> problems) throws IOException {
            String root = switch (candidate.kind()) {
                case STUDENT -> STUDENTS_DIR;
                case PREVIOUS_TERM -> PREVIOUS_TERMS_DIR;
                case REFERENCE -> REFERENCES_DIR;
            };
            String dirName = uniqueDirName(candidate);
            Path dir = this.root.resolve(root).resolve(dirName);
            Files.createDirectories(dir);
            candidateByDir.put(dir.toString(), candidate);
            return writeFiles(candidate, candidate.id(), candidate.files(), dir, language, problems);
        }

        boolean writeBaseCode(Map<String, String> files, SourceLanguage language, List<ParseProblem> problems) throws IOException {
            if (files.keySet().stream().noneMatch(language::accepts)) {
                return false;
            }
            Path dir = root.resolve(STARTER_DIR);
            Files.createDirectories(dir);
            return !writeFiles(null, ParseProblem.STARTER_CODE, files, dir, language, problems).isEmpty();
        }

        private List<ComparedFile> writeFiles(Candidate candidate, String owner, Map<String, String> files, Path dir,
                SourceLanguage language, List<ParseProblem> problems) throws IOException {
            List<ComparedFile> written = new ArrayList<>();
            Set<String> usedNames = new HashSet<>();
            for (Map.Entry<String, String> entry : files.entrySet()) {
                String name = entry.getKey();
                if (!language.accepts(name)) {
                    continue;
                }
                String relative = safeRelativePath(name);
                if (relative == null) {
                    problems.add(new ParseProblem(owner, name, ParseProblem.Kind.FILE_SKIPPED, "unusable file name"));
                    continue;
                }
                ComparedFile file;
                if (SourceLanguage.isNotebook(name)) {
                    try {
                        file = NotebookPython.convert(name, entry.getValue());
                    } catch (NotebookFormatException e) {
                        problems.add(new ParseProblem(owner, name, ParseProblem.Kind.FILE_SKIPPED, e.getMessage()));
                        continue;
                    }
                    relative = relative + ".py"; // JPlag reads only .py; "a.ipynb.py" cannot collide with a student's "a.py"
                } else {
                    file = new ComparedFile(name, entry.getValue(), List.of());
                    if (!relative.endsWith(language == SourceLanguage.PYTHON ? ".py" : ".java")) {
                        relative = relative + (language == SourceLanguage.PYTHON ? ".py" : ".java"); // "Main.PY": JPlag's suffixes are case-sensitive
                    }
                }
                if (!usedNames.add(relative.toLowerCase(Locale.ROOT))) {
                    problems.add(new ParseProblem(owner, name, ParseProblem.Kind.FILE_SKIPPED, "a second file with the same name"));
                    continue;
                }
                Path target = dir.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.text());
                fileByPath.put(target, new Located(candidate, file));
                written.add(file);
            }
            return written;
        }

        /** "a/b.py" stays; absolute paths, "..", and empty segments are refused. */
        private static String safeRelativePath(String name) {
            String normalized = name.replace('\\', '/');
            if (normalized.startsWith("/") || normalized.isBlank()) {
                return null;
            }
            for (String segment : normalized.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
                    return null;
                }
            }
            return normalized;
        }

        /** Readable in JPlag's report ("Ana_Lopez-u42"), safe on disk, unique within the check. */
        private String uniqueDirName(Candidate candidate) {
            String id = sanitize(candidate.id());
            String base = candidate.label().equals(candidate.id()) ? id : sanitize(candidate.label()) + "-" + id;
            String name = base.length() > 100 ? base.substring(0, 100) : base;
            for (int n = 2; !usedDirs.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            return name;
        }

        private static String sanitize(String text) {
            String cleaned = UNSAFE_NAME_CHARS.matcher(text.strip()).replaceAll("_");
            return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
        }

        JPlagOptions jplagOptions(PerFileLanguage language, CheckOptions options, boolean hasBaseCode) {
            Set<File> submissions = Set.of(root.resolve(STUDENTS_DIR).toFile());
            Set<File> old = new HashSet<>();
            for (String dir : List.of(PREVIOUS_TERMS_DIR, REFERENCES_DIR)) {
                if (Files.isDirectory(root.resolve(dir))) {
                    old.add(root.resolve(dir).toFile());
                }
            }
            JPlagOptions jplag = new JPlagOptions(language, submissions, old)
                    .withMinimumTokenMatch(options.minimumTokenMatch())
                    .withMaximumNumberOfComparisons(options.maxReportComparisons());
            return hasBaseCode ? jplag.withBaseCodeSubmissionDirectory(root.resolve(STARTER_DIR).toFile()) : jplag;
        }

        Candidate candidateOf(Submission submission) {
            return candidateByDir.get(submission.getRoot().toPath().toString());
        }

        List<File> writtenFiles() {
            return fileByPath.keySet().stream().map(Path::toFile).toList();
        }

        Located locate(File file) {
            return fileByPath.get(file.toPath());
        }

        /** The problems the per-file parser met, by candidate and file. */
        void addParseProblems(PerFileLanguage language, List<ParseProblem> problems, SourceLanguage sourceLanguage) {
            List<ParseProblem> found = new ArrayList<>();
            language.problems().forEach((file, report) -> {
                Located located = locate(file);
                String owner = located == null || located.candidate() == null ? ParseProblem.STARTER_CODE : located.candidate().id();
                String name = located == null ? file.getName() : located.file().name();
                // JPlag's messages name the file by its path in the working directory, which means nothing to staff.
                String errors = summarize(report.errors().stream()
                        .map(error -> error.replace(file.getPath(), name).replace(root + File.separator, ""))
                        .toList());
                String note = sourceLanguage == SourceLanguage.PYTHON ? " " + PYTHON_GRAMMAR_NOTE : "";
                found.add(report.skipped()
                        ? new ParseProblem(owner, name, ParseProblem.Kind.FILE_SKIPPED,
                                "could not be parsed and was left out: " + errors + note)
                        : new ParseProblem(owner, name, ParseProblem.Kind.PARSED_WITH_ERRORS,
                                "syntax errors, parts may be missing from the comparison: " + errors + note));
            });
            found.sort(Comparator.comparing(ParseProblem::candidateId).thenComparing(ParseProblem::file));
            problems.addAll(found);
        }

        /** The first three errors, each cut to one line, and how many more there were. */
        private static String summarize(List<String> errors) {
            if (errors.isEmpty()) {
                return "unknown error";
            }
            List<String> shown = errors.stream().limit(3).map(error -> {
                String line = error.strip().lines().findFirst().orElse("");
                return line.length() > 200 ? line.substring(0, 200) + "…" : line;
            }).toList();
            String more = errors.size() > shown.size() ? " (and " + (errors.size() - shown.size()) + " more)" : "";
            return String.join("; ", shown) + more;
        }

        /**
         * When JPlag refused to run: each candidate it could not have used, the way it judges them (no file parsed,
         * or fewer tokens, end tokens included, than one match).
         */
        void addUncomparable(PerFileLanguage language, int minimumTokenMatch, List<ParseProblem> problems) {
            Map<Candidate, List<File>> filesOf = new LinkedHashMap<>();
            fileByPath.entrySet().stream().filter(e -> e.getValue().candidate() != null)
                    .sorted(Comparator.comparing(e -> e.getKey().toString()))
                    .forEach(e -> filesOf.computeIfAbsent(e.getValue().candidate(), c -> new ArrayList<>()).add(e.getKey().toFile()));
            Map<File, PerFileLanguage.FileReport> reports = language.problems();
            filesOf.forEach((candidate, files) -> {
                boolean noneParsed = files.stream().allMatch(f -> reports.containsKey(f) && reports.get(f).skipped());
                int tokens = files.stream().mapToInt(language::tokenCount).sum();
                String reason = noneParsed ? "none of its files could be parsed"
                        : tokens < minimumTokenMatch ? "too little code to compare (" + tokens + " tokens; one match needs "
                                + minimumTokenMatch + ")"
                        : null;
                if (reason != null) {
                    problems.add(new ParseProblem(candidate.id(), null, ParseProblem.Kind.CANDIDATE_EXCLUDED, "not compared: " + reason));
                }
            });
        }

        /** Candidates JPlag could not use at all: no file parsed, or fewer tokens than one match. */
        void addInvalidSubmissions(JPlagResult result, List<ParseProblem> problems) {
            for (Submission submission : result.getSubmissions().getInvalidSubmissions()) {
                Candidate candidate = candidateOf(submission);
                String id = candidate == null ? submission.getName() : candidate.id();
                String reason = switch (submission.getState()) {
                    case CANNOT_PARSE -> "none of its files could be parsed";
                    case TOO_SMALL -> "too little code to compare (fewer tokens than one match)";
                    case NOTHING_TO_PARSE -> "no files to compare";
                    default -> "not usable (" + submission.getState() + ")";
                };
                problems.add(new ParseProblem(id, null, ParseProblem.Kind.CANDIDATE_EXCLUDED, "not compared: " + reason));
            }
        }

        void deleteCode() throws IOException {
            for (String dir : List.of(STUDENTS_DIR, PREVIOUS_TERMS_DIR, REFERENCES_DIR, STARTER_DIR)) {
                deleteTree(root.resolve(dir));
            }
        }

        private static void deleteTree(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** From JPlag's comparisons to ranked pairs with fragments, and clusters. */
    static final class ResultMapping {
        private final Workspace workspace;
        private final CheckOptions options;

        ResultMapping(Workspace workspace, CheckOptions options) {
            this.workspace = workspace;
            this.options = options;
        }

        CheckResult map(JPlagResult result, List<ParseProblem> problems, Path report, Map<String, List<ComparedFile>> files,
                String baseCodeWarning) {
            record Scored(JPlagComparison comparison, Candidate first, Candidate second) {
            }
            List<Scored> scored = new ArrayList<>();
            for (JPlagComparison comparison : result.getAllComparisons()) {
                Candidate a = workspace.candidateOf(comparison.firstSubmission());
                Candidate b = workspace.candidateOf(comparison.secondSubmission());
                if (a == null || b == null || !a.isStudent() && !b.isStudent()) {
                    continue; // earlier terms and references are not checked against each other
                }
                boolean swap = !a.isStudent() || b.isStudent() && a.id().compareTo(b.id()) > 0;
                scored.add(swap ? new Scored(comparison, b, a) : new Scored(comparison, a, b));
            }
            scored.sort(Comparator.comparingDouble((Scored s) -> s.comparison().maximalSimilarity()).reversed()
                    .thenComparing(Comparator.comparingDouble((Scored s) -> s.comparison().similarity()).reversed())
                    .thenComparing(s -> s.first().id()).thenComparing(s -> s.second().id()));

            int flagged = (int) scored.stream().filter(s -> s.comparison().maximalSimilarity() >= options.flagThreshold()).count();
            List<Pair> pairs = scored.stream().limit(options.maxPairs())
                    .map(s -> pair(s.comparison(), s.first(), s.second())).toList();
            List<Cluster> clusters = clusters(scored.stream()
                    .filter(s -> s.first().isStudent() && s.second().isStudent())
                    .filter(s -> s.comparison().maximalSimilarity() >= options.clusterThreshold())
                    .map(s -> new Link(s.first().id(), s.second().id(), s.comparison().maximalSimilarity()))
                    .toList());
            String message = "Compared %d pair%s; %d flagged at %.0f%% maximum similarity or more.".formatted(
                    scored.size(), scored.size() == 1 ? "" : "s", flagged, options.flagThreshold() * 100);
            return new CheckResult(CheckResult.Outcome.COMPARED, message, pairs, scored.size(), flagged, clusters, problems, report,
                    files, options, baseCodeWarning);
        }

        private Pair pair(JPlagComparison comparison, Candidate first, Candidate second) {
            boolean swapped = workspace.candidateOf(comparison.firstSubmission()) != first;
            List<Token> firstTokens = (swapped ? comparison.secondSubmission() : comparison.firstSubmission()).getTokenList();
            List<Token> secondTokens = (swapped ? comparison.firstSubmission() : comparison.secondSubmission()).getTokenList();
            List<Fragment> fragments = new ArrayList<>();
            for (Match match : comparison.matches()) {
                int firstStart = swapped ? match.startOfSecond() : match.startOfFirst();
                int secondStart = swapped ? match.startOfFirst() : match.startOfSecond();
                Fragment.Span a = span(firstTokens, firstStart, match.length());
                Fragment.Span b = span(secondTokens, secondStart, match.length());
                if (a != null && b != null) {
                    fragments.add(new Fragment(a, b, match.length()));
                }
            }
            fragments.sort(Comparator.comparing((Fragment f) -> f.first().file()).thenComparingInt(f -> f.first().startLine())
                    .thenComparingInt(f -> f.first().startColumn()));
            double ofFirst = swapped ? comparison.similarityOfSecond() : comparison.similarityOfFirst();
            double ofSecond = swapped ? comparison.similarityOfFirst() : comparison.similarityOfSecond();
            return new Pair(Pair.Party.of(first), Pair.Party.of(second), comparison.similarity(), comparison.maximalSimilarity(),
                    ofFirst, ofSecond, comparison.getNumberOfMatchedTokens(),
                    comparison.maximalSimilarity() >= options.flagThreshold(), fragments);
        }

        /** The lines a run of tokens covers; a match never spans two files, but the guard keeps to the first file. */
        private Fragment.Span span(List<Token> tokens, int start, int length) {
            Token first = tokens.get(start);
            Workspace.Located located = workspace.locate(first.getFile());
            if (located == null || first.getLine() < 1) {
                return null;
            }
            Token last = first;
            for (int i = start + 1; i < start + length && i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (!token.getFile().equals(first.getFile())) {
                    break;
                }
                if (token.getLine() > 0) {
                    last = token;
                }
            }
            int endColumn = last.getColumn() + Math.max(last.getLength(), 1) - 1;
            ComparedFile file = located.file();
            return new Fragment.Span(file.name(), first.getLine(), first.getColumn(), last.getLine(), endColumn,
                    file.cellAt(first.getLine()).orElse(null), file.cellAt(last.getLine()).orElse(null));
        }

        private record Link(String a, String b, double similarity) {
        }

        /** Connected components over the links (union-find), largest and strongest first. */
        private static List<Cluster> clusters(List<Link> links) {
            Map<String, String> parent = new HashMap<>();
            for (Link link : links) {
                union(parent, link.a(), link.b());
            }
            Map<String, List<Link>> linksByRoot = new HashMap<>();
            Map<String, Set<String>> membersByRoot = new HashMap<>();
            for (Link link : links) {
                String root = find(parent, link.a());
                linksByRoot.computeIfAbsent(root, k -> new ArrayList<>()).add(link);
                Set<String> members = membersByRoot.computeIfAbsent(root, k -> new TreeSet<>());
                members.add(link.a());
                members.add(link.b());
            }
            List<Cluster> clusters = new ArrayList<>();
            membersByRoot.forEach((root, members) -> {
                List<Link> own = linksByRoot.get(root);
                double strongest = own.stream().mapToDouble(Link::similarity).max().orElse(0);
                double mean = own.stream().mapToDouble(Link::similarity).average().orElse(0);
                clusters.add(new Cluster(List.copyOf(members), own.size(), strongest, mean));
            });
            clusters.sort(Comparator.comparingInt((Cluster c) -> c.members().size()).reversed()
                    .thenComparing(Comparator.comparingDouble(Cluster::strongestSimilarity).reversed())
                    .thenComparing(c -> c.members().getFirst()));
            return clusters;
        }

        private static String find(Map<String, String> parent, String node) {
            String root = node;
            while (parent.containsKey(root) && !parent.get(root).equals(root)) {
                root = parent.get(root);
            }
            parent.put(node, root); // point straight at the root, so that later look-ups are short
            return root;
        }

        private static void union(Map<String, String> parent, String a, String b) {
            parent.putIfAbsent(a, a);
            parent.putIfAbsent(b, b);
            String rootA = find(parent, a);
            String rootB = find(parent, b);
            if (!rootA.equals(rootB)) {
                parent.put(rootA, rootB);
            }
        }
    }
}

package org.lectern.grading.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import de.jplag.JPlag;
import de.jplag.JPlagResult;
import de.jplag.options.JPlagOptions;
import de.jplag.python3.PythonLanguage;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.lectern.grading.plagiarism.Candidate;
import org.lectern.grading.plagiarism.CheckInput;
import org.lectern.grading.plagiarism.CheckOptions;
import org.lectern.grading.plagiarism.CheckResult;
import org.lectern.grading.plagiarism.PlagiarismCheck;
import org.lectern.grading.plagiarism.Progress;
import org.lectern.grading.plagiarism.SourceLanguage;

/**
 * What Lectern's {@link PlagiarismCheck} costs over a bare JPlag API run on the same files: 300 synthetic Python
 * submissions of about 300 lines (starter code plus functions composed from deep-learning idioms and randomly generated
 * statements, identifiers renamed per student), with a handful of planted renamed-and-reordered copies.
 *
 * <p>Each side runs in a fresh JVM with the same flags, one warm-up run and then timed runs; the parent prints a
 * table. Memory: peak resident set (VmHWM) of the child, and peak heap occupancy taken from the heap in use before
 * every garbage collection (and at the end), which is exact at collection points. Prints only; no assertions.
 *
 * <pre>
 * java -cp ... org.lectern.grading.bench.PlagiarismBench [--submissions=300] [--lines=300] [--runs=3] [--rounds=2] [--copies=8] [--xmx=2g]
 * </pre>
 */
public final class PlagiarismBench {

    private static final int MINIMUM_TOKEN_MATCH = SourceLanguage.PYTHON.defaultMinimumTokenMatch();
    /** "lectern-stock-lexer" is Lectern with JPlag's own Python lexer: Lectern's wrapping alone, without its faster lexer. */
    private static final int WARMUP_SUBMISSIONS = 40;
    private static final List<String> SIDES = List.of("bare", "lectern", "lectern-stock-lexer");

    private PlagiarismBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("child")) {
            child(options.get("child"), Path.of(options.get("dir")), Integer.parseInt(options.get("runs")));
            return;
        }
        int submissions = Integer.parseInt(options.getOrDefault("submissions", "300"));
        int lines = Integer.parseInt(options.getOrDefault("lines", "300"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        int copies = Integer.parseInt(options.getOrDefault("copies", "8"));
        String xmx = options.getOrDefault("xmx", "2g");
        Path dir = options.containsKey("dir") ? Path.of(options.get("dir")) : Files.createTempDirectory("lectern-plagiarism-bench-");

        Corpus corpus = Corpus.generate(submissions, lines, copies, 20261123L);
        corpus.write(dir);
        System.out.printf(Locale.ROOT, "corpus: %d submissions, %d lines each on average (%d to %d), %d planted copies, in %s%n",
                submissions, corpus.meanLines(), corpus.minLines(), corpus.maxLines(), corpus.planted.size(), dir);
        System.out.printf(Locale.ROOT, "cpus: %d, java %s, child flags: -Xmx%s, %d rounds x (1 warm-up + %d timed runs) per side%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), xmx, rounds, runs);

        Map<String, List<ChildReport>> reports = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String side : SIDES) { // interleaved, so that drift on a shared machine hits all alike
                ChildReport report = spawn(side, dir, runs, xmx);
                reports.computeIfAbsent(side, k -> new ArrayList<>()).add(report);
                System.out.println("  " + side + " round " + (round + 1) + ": " + report.line);
            }
        }
        summarize(reports, corpus);
    }

    // ---------------------------------------------------------------- the two sides, each in its own JVM

    private static void child(String side, Path dir, int runs) throws Exception {
        HeapPeak heap = HeapPeak.install();
        List<Long> millis = new ArrayList<>();
        Object retained = null;
        String extra = "";
        String phases = "";
        Map<String, String> baseCode = readFiles(dir.resolve("starter"));
        List<Candidate> warmupCandidates = candidates(dir.resolve("warmup"));
        List<Candidate> allCandidates = candidates(dir.resolve("students"));
        for (int run = 0; run <= runs; run++) { // run 0 warms the JIT up on a subset
            Path students = run == 0 ? dir.resolve("warmup") : dir.resolve("students");
            List<Candidate> candidates = run == 0 ? warmupCandidates : allCandidates;
            retained = null;
            Path work = Files.createTempDirectory("lectern-plagiarism-run-");
            long start = System.nanoTime();
            if (side.equals("bare")) {
                JPlagOptions options = new JPlagOptions(new PythonLanguage(), Set.of(students.toFile()), Set.of())
                        .withBaseCodeSubmissionDirectory(dir.resolve("starter").toFile())
                        .withMinimumTokenMatch(MINIMUM_TOKEN_MATCH);
                JPlagResult result = JPlag.run(options);
                new ReportObjectFactory(work.resolve("report.zip").toFile()).createAndSaveReport(result);
                retained = result;
                extra = "comparisons=" + result.getAllComparisons().size();
            } else {
                AtomicLong calls = new AtomicLong();
                Map<Progress.Phase, Long> phaseStart = new java.util.concurrent.ConcurrentHashMap<>();
                CheckInput input = new CheckInput(SourceLanguage.PYTHON, candidates, baseCode, CheckOptions.defaults());
                CheckResult result = new PlagiarismCheck().run(input, work.resolve("check"), progress -> {
                    calls.incrementAndGet();
                    phaseStart.putIfAbsent(progress.phase(), System.nanoTime());
                });
                retained = result;
                phases = phaseBreakdown(start, phaseStart);
                extra = "comparisons=" + result.comparisons() + " flagged=" + result.flaggedPairs() + " problems=" + result.problems().size()
                        + " progressCalls=" + calls.get()
                        + " flaggedPairs=" + result.pairs().stream().filter(p -> p.flagged())
                        .map(p -> p.first().id() + "~" + p.second().id()).toList().toString().replace(" ", "");
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (run > 0) {
                millis.add(elapsed);
            }
            deleteTree(work);
        }
        System.gc();
        long retainedBytes = heapUsed();
        Reference.reachabilityFence(retained); // the last result counts as retained: a caller holds it
        Collections.sort(millis);
        System.out.println("RESULT side=" + side + " millis=" + millis.toString().replace(" ", "") + " peakHeapMiB=" + heap.peakMiB()
                + " retainedMiB=" + retainedBytes / (1 << 20) + " peakRssMiB=" + peakRssMiB() + " " + extra + phases);
    }

    /** Seconds from the start of one phase to the next, from the first progress call of each phase (last run). */
    private static String phaseBreakdown(long start, Map<Progress.Phase, Long> phaseStart) {
        StringBuilder text = new StringBuilder(" phases=");
        long previous = start;
        Progress.Phase previousPhase = null;
        for (Progress.Phase phase : Progress.Phase.values()) {
            Long at = phaseStart.get(phase);
            if (at == null) {
                continue;
            }
            if (previousPhase != null) {
                text.append(previousPhase.name().toLowerCase(Locale.ROOT)).append(':')
                        .append(String.format(Locale.ROOT, "%.2f", (at - previous) / 1e9)).append(',');
            }
            previous = at;
            previousPhase = phase;
        }
        return text.toString().replaceAll(",$", "");
    }

    private static List<Candidate> candidates(Path studentsDir) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        try (Stream<Path> students = Files.list(studentsDir)) {
            for (Path student : students.sorted().toList()) {
                String id = student.getFileName().toString();
                candidates.add(Candidate.student(id, id, readFiles(student)));
            }
        }
        return candidates;
    }

    private static Map<String, String> readFiles(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString().replace(File.separatorChar, '/'), Files.readString(path));
            }
        }
        return files;
    }

    private static ChildReport spawn(String side, Path dir, int runs, String xmx) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx" + xmx, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dlectern.plagiarism.stockPythonLexer=" + side.equals("lectern-stock-lexer"),
                "-cp", System.getProperty("java.class.path"), PlagiarismBench.class.getName(),
                "--child=" + side, "--dir=" + dir, "--runs=" + runs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(side + " child failed:\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(side + " child printed no result:\n" + output));
        return ChildReport.parse(line.substring("RESULT ".length()));
    }

    private record ChildReport(String line, List<Long> millis, long peakHeapMiB, long retainedMiB, long peakRssMiB, Map<String, String> fields) {

        static ChildReport parse(String line) {
            Map<String, String> fields = new HashMap<>();
            for (String part : line.split(" ")) {
                int eq = part.indexOf('=');
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
            List<Long> millis = Stream.of(fields.get("millis").replaceAll("[\\[\\]]", "").split(",")).map(Long::parseLong).toList();
            String shown = line.replaceAll(" flaggedPairs=\\S+", "");
            return new ChildReport(shown, millis, Long.parseLong(fields.get("peakHeapMiB")), Long.parseLong(fields.get("retainedMiB")),
                    Long.parseLong(fields.get("peakRssMiB")), fields);
        }
    }

    private static void summarize(Map<String, List<ChildReport>> reports, Corpus corpus) {
        Map<String, double[]> figures = new LinkedHashMap<>();
        reports.forEach((side, list) -> {
            List<Long> all = new ArrayList<>(list.stream().flatMap(r -> r.millis().stream()).toList());
            Collections.sort(all);
            double median = all.size() % 2 == 1 ? all.get(all.size() / 2) : (all.get(all.size() / 2 - 1) + all.get(all.size() / 2)) / 2.0;
            figures.put(side, new double[] {median / 1000.0, all.getFirst() / 1000.0, all.getLast() / 1000.0,
                    list.stream().mapToLong(ChildReport::peakRssMiB).max().orElse(0),
                    list.stream().mapToLong(ChildReport::peakHeapMiB).max().orElse(0),
                    list.stream().mapToLong(ChildReport::retainedMiB).max().orElse(0)});
        });
        double[] bare = figures.get("bare");
        double[] lectern = figures.get("lectern");
        double[] stock = figures.get("lectern-stock-lexer");
        System.out.println();
        System.out.println("| measure | bare JPlag API | Lectern | ratio | Lectern, JPlag's own lexer | ratio |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| wall time, median (min-max) | %s | %s | **%.2f** | %s | **%.2f** |%n", seconds(bare),
                seconds(lectern), lectern[0] / bare[0], seconds(stock), stock[0] / bare[0]);
        String[] labels = {"", "", "", "peak RSS of the JVM", "peak heap in use", "heap in use after the run, result held"};
        for (int i = 3; i < 6; i++) {
            System.out.printf(Locale.ROOT, "| %s | %.0f MiB | %.0f MiB | %.2f | %.0f MiB | %.2f |%n", labels[i], bare[i], lectern[i],
                    lectern[i] / bare[i], stock[i], stock[i] / bare[i]);
        }
        reports.forEach((side, list) -> System.out.println("phases (" + side + ", last run, s): "
                + list.getLast().fields().getOrDefault("phases", "-")));

        ChildReport last = reports.get("lectern").getLast();
        String flaggedList = last.fields().getOrDefault("flaggedPairs", "[]").replaceAll("[\\[\\]]", "");
        List<String> flagged = flaggedList.isEmpty() ? List.of() : List.of(flaggedList.split(","));
        long plantedFound = corpus.planted.stream().filter(p -> flagged.contains(p) || flagged.contains(reverse(p))).count();
        System.out.printf(Locale.ROOT, "%nLectern flagged %d pairs (%s comparisons): %d of %d planted copies, %d others%n",
                flagged.size(), last.fields().get("comparisons"), plantedFound, corpus.planted.size(), flagged.size() - plantedFound);
    }

    private static String seconds(double[] figures) {
        return String.format(Locale.ROOT, "%.1f s (%.1f-%.1f)", figures[0], figures[1], figures[2]);
    }

    private static String reverse(String pair) {
        String[] parts = pair.split("~");
        return parts[1] + "~" + parts[0];
    }

    // ---------------------------------------------------------------- memory probes

    /** Peak heap occupancy: the heap in use just before each collection is its high-water mark since the last one. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();

        static HeapPeak install() {
            HeapPeak probe = new HeapPeak();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long before = info.getGcInfo().getMemoryUsageBeforeGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                        probe.peak.accumulateAndGet(before, Math::max);
                    }
                }, null, null);
            }
            return probe;
        }

        long peakMiB() {
            return Math.max(peak.get(), heapUsed()) / (1 << 20);
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- the synthetic corpus

    /**
     * Submissions that all keep the starter code and add their own functions: some from deep-learning idioms (each in a
     * few styles), most built from random statements, so that independent submissions share little beyond idioms.
     */
    static final class Corpus {
        final String starter;
        final Map<String, String> submissions = new TreeMap<>();
        final List<String> planted = new ArrayList<>();

        private Corpus(String starter) {
            this.starter = starter;
        }

        static Corpus generate(int count, int targetLines, int copies, long seed) {
            Random random = new Random(seed);
            Corpus corpus = new Corpus(Code.starter());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add("s%03d".formatted(i + 1));
            }
            for (String id : ids) {
                corpus.submissions.put(id, Code.submission(corpus.starter, targetLines, new Random(random.nextLong())));
            }
            // Planted copies: the copier's work is replaced by a renamed, reordered copy of the source's.
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, random);
            for (int i = 0; i + 1 < Math.min(2 * copies, shuffled.size()); i += 2) {
                String source = shuffled.get(i);
                String copier = shuffled.get(i + 1);
                corpus.submissions.put(copier, Code.disguise(corpus.submissions.get(source), corpus.starter, new Random(random.nextLong())));
                corpus.planted.add(source.compareTo(copier) < 0 ? source + "~" + copier : copier + "~" + source);
            }
            return corpus;
        }

        void write(Path dir) throws IOException {
            deleteTree(dir.resolve("students"));
            deleteTree(dir.resolve("starter"));
            Files.createDirectories(dir.resolve("starter"));
            Files.writeString(dir.resolve("starter/solution.py"), starter);
            deleteTree(dir.resolve("warmup"));
            int written = 0;
            for (Map.Entry<String, String> entry : submissions.entrySet()) {
                List<String> roots = written++ < WARMUP_SUBMISSIONS ? List.of("students", "warmup") : List.of("students");
                for (String root : roots) {
                    Path student = dir.resolve(root).resolve(entry.getKey());
                    Files.createDirectories(student);
                    Files.writeString(student.resolve("solution.py"), entry.getValue());
                }
            }
        }

        int meanLines() {
            return (int) submissions.values().stream().mapToLong(s -> s.lines().count()).average().orElse(0);
        }

        int minLines() {
            return (int) submissions.values().stream().mapToLong(s -> s.lines().count()).min().orElse(0);
        }

        int maxLines() {
            return (int) submissions.values().stream().mapToLong(s -> s.lines().count()).max().orElse(0);
        }
    }

    /** Python source generation. Everything it writes parses with a Python 3.6 grammar. */
    static final class Code {
        private static final String[] NAMES = {"x", "y", "w", "b", "grad", "loss", "batch", "logits", "probs", "hidden", "acts",
                "weights", "bias", "lr", "momentum", "eps", "scale", "out", "inp", "target", "pred", "mask", "feat", "kernel",
                "stride", "pad", "mean", "var", "gamma", "beta", "cache", "delta", "err", "total", "count", "score", "labels",
                "data", "idx", "step", "state", "velocity", "moment", "decay", "alpha", "tmp", "acc", "rows", "cols", "dim",
                "emb", "seq", "attn", "query", "key", "value", "head", "norm", "drop", "rate", "epoch", "history", "best",
                "params", "grads", "vals", "result", "buf", "signal", "noise", "upd", "ratio", "limit", "size", "shape"};
        private static final String[] NP_FUNCS = {"np.sum", "np.mean", "np.max", "np.exp", "np.log", "np.sqrt", "np.abs", "np.dot",
                "np.maximum", "np.tanh", "np.argmax", "np.clip", "np.zeros_like", "np.square", "np.var", "np.cumsum"};
        private static final String[] OPS = {"+", "-", "*", "/", "@"};
        private static final String[] IDIOM_NAMES = {"relu_forward", "softmax", "cross_entropy", "batchnorm_forward",
                "adam_update", "dropout_forward", "conv1d", "accuracy", "minibatches", "l2_penalty", "sigmoid", "attention"};

        private Code() {
        }

        static String starter() {
            Random random = new Random(7);
            StringBuilder code = new StringBuilder("\"\"\"Assignment 3: build and train a small network. Provided helpers below.\"\"\"\n");
            code.append("import numpy as np\n\n\n");
            Map<String, String> identity = new HashMap<>();
            for (String name : NAMES) {
                identity.put(name, name);
            }
            for (int i = 0; i < 4; i++) {
                code.append(generatedFunction("provided_helper_" + (i + 1), identity, random, 6));
            }
            code.append("def load_split(seed=0):\n    \"\"\"Provided: a fixed random split.\"\"\"\n")
                    .append("    rng = np.random.default_rng(seed)\n    data = rng.standard_normal((500, 20))\n")
                    .append("    labels = rng.integers(0, 5, size=500)\n    return data[:400], labels[:400], data[400:], labels[400:]\n\n\n");
            return code.toString();
        }

        static String submission(String starter, int targetLines, Random random) {
            Map<String, String> rename = renaming(random);
            StringBuilder code = new StringBuilder(starter);
            List<String> idioms = new ArrayList<>(List.of(IDIOM_NAMES));
            Collections.shuffle(idioms, random);
            int idiomCount = 3 + random.nextInt(3);
            int generated = 0;
            int target = targetLines - 25 + random.nextInt(51); // 275 to 325 lines
            while (code.toString().lines().count() < target - 12) {
                if (idiomCount > 0 && random.nextInt(3) == 0) {
                    code.append(idiom(idioms.get(--idiomCount), rename, random));
                } else {
                    code.append(generatedFunction(rename.get("step") + "_part" + (++generated), rename, random, 8 + random.nextInt(10)));
                }
            }
            code.append("if __name__ == \"__main__\":\n");
            code.append("    ").append(rename.get("data")).append(", ").append(rename.get("labels")).append(", _, _ = load_split(")
                    .append(random.nextInt(100)).append(")\n");
            code.append("    print(").append(rename.get("step")).append("_part1(").append(rename.get("data")).append("))\n");
            return code.toString();
        }

        /** The copy a student hands in: same code, own identifiers, functions in another order, a comment or two. */
        static String disguise(String source, String starter, Random random) {
            String own = source.substring(starter.length());
            int main = own.indexOf("if __name__");
            List<String> functions = new ArrayList<>(List.of(own.substring(0, main).split("\n\n\n(?=def )")));
            Collections.shuffle(functions, random);
            String body = String.join("\n\n\n", functions.stream().map(String::strip).toList()) + "\n\n\n" + own.substring(main);
            Map<String, String> rename = renaming(random);
            Matcher words = Pattern.compile("\\b[a-z_][a-z0-9_]*\\b").matcher(body);
            StringBuilder renamed = new StringBuilder();
            Set<String> keep = Set.of("def", "return", "for", "in", "range", "if", "else", "elif", "while", "not", "and", "or",
                    "np", "print", "len", "import", "as", "axis", "keepdims", "true", "false", "none", "load_split", "main", "name",
                    "is", "lambda", "zip", "enumerate", "float", "int", "max", "min", "abs", "sum", "append", "shape", "reshape", "copy",
                    "random", "default_rng", "standard_normal", "integers", "items", "keys", "values", "get", "sorted");
            while (words.find()) {
                String word = words.group();
                boolean npMember = words.start() > 0 && body.charAt(words.start() - 1) == '.';
                String replacement = !npMember && !keep.contains(word) && rename.containsKey(word) ? rename.get(word) : word;
                words.appendReplacement(renamed, Matcher.quoteReplacement(replacement));
            }
            words.appendTail(renamed);
            return starter + "# my solution\n" + renamed;
        }

        private static Map<String, String> renaming(Random random) {
            List<String> pool = new ArrayList<>(List.of(NAMES));
            Collections.shuffle(pool, random);
            Map<String, String> rename = new HashMap<>();
            for (int i = 0; i < NAMES.length; i++) {
                rename.put(NAMES[i], pool.get(i) + (random.nextInt(4) == 0 ? "_" + random.nextInt(10) : ""));
            }
            return rename;
        }

        private static String generatedFunction(String name, Map<String, String> rename, Random random, int statements) {
            List<String> params = new ArrayList<>();
            int paramCount = 1 + random.nextInt(3);
            while (params.size() < paramCount) {
                String param = rename.get(NAMES[random.nextInt(NAMES.length)]);
                if (!params.contains(param)) {
                    params.add(param);
                }
            }
            List<String> defined = new ArrayList<>(params);
            StringBuilder code = new StringBuilder("def " + name + "(" + String.join(", ", params) + "):\n");
            code.append("    \"\"\"").append(sentence(random)).append("\"\"\"\n");
            for (int i = 0; i < statements; i++) {
                statement(code, "    ", defined, rename, random, 0);
            }
            code.append("    return ").append(defined.getLast()).append("\n\n\n");
            return code.toString();
        }

        private static void statement(StringBuilder code, String indent, List<String> defined, Map<String, String> rename, Random random,
                int depth) {
            String target = rename.get(NAMES[random.nextInt(NAMES.length)]);
            int kind = random.nextInt(depth >= 2 ? 6 : 10);
            switch (kind) {
                case 0, 1, 2 -> code.append(indent).append(target).append(" = ").append(expression(defined, random, 2)).append('\n');
                case 3 -> code.append(indent).append(defined.get(random.nextInt(defined.size()))).append(' ')
                        .append(OPS[random.nextInt(3)]).append("= ").append(expression(defined, random, 1)).append('\n');
                case 4 -> code.append(indent).append(target).append(" = [").append(expression(defined, random, 1)).append(" for ")
                        .append(rename.get("idx")).append(" in range(").append(2 + random.nextInt(30)).append(")]\n");
                case 5 -> code.append(indent).append(target).append(" = {\"").append(rename.get("key")).append("\": ")
                        .append(expression(defined, random, 1)).append(", \"n\": ").append(random.nextInt(9)).append("}\n");
                case 6, 7 -> {
                    String loopVar = rename.get(random.nextBoolean() ? "idx" : "step");
                    code.append(indent).append("for ").append(loopVar).append(" in range(").append(1 + random.nextInt(50)).append("):\n");
                    defined.add(loopVar);
                    int inner = 1 + random.nextInt(3);
                    for (int i = 0; i < inner; i++) {
                        statement(code, indent + "    ", defined, rename, random, depth + 1);
                    }
                }
                default -> {
                    code.append(indent).append("if ").append(expression(defined, random, 1)).append(random.nextBoolean() ? " > " : " < ")
                            .append(random.nextInt(10)).append(":\n");
                    statement(code, indent + "    ", defined, rename, random, depth + 1);
                    if (random.nextBoolean()) {
                        code.append(indent).append("else:\n");
                        statement(code, indent + "    ", defined, rename, random, depth + 1);
                    }
                }
            }
            if (kind <= 5 && !defined.contains(target)) {
                defined.add(target);
            }
        }

        private static String expression(List<String> defined, Random random, int depth) {
            String variable = defined.get(random.nextInt(defined.size()));
            if (depth == 0) {
                return random.nextInt(4) == 0 ? String.valueOf(random.nextInt(100) / 10.0) : variable;
            }
            return switch (random.nextInt(5)) {
                case 0 -> NP_FUNCS[random.nextInt(NP_FUNCS.length)] + "(" + expression(defined, random, depth - 1) + ")";
                case 1 -> NP_FUNCS[random.nextInt(NP_FUNCS.length)] + "(" + expression(defined, random, depth - 1) + ", axis="
                        + random.nextInt(2) + ")";
                case 2 -> expression(defined, random, depth - 1) + " " + OPS[random.nextInt(OPS.length)] + " "
                        + expression(defined, random, depth - 1);
                case 3 -> variable + "[" + random.nextInt(8) + "]";
                default -> "(" + expression(defined, random, depth - 1) + ")";
            };
        }

        private static String sentence(Random random) {
            String[] words = {"compute", "the", "update", "for", "each", "layer", "using", "cached", "values", "and", "return",
                    "result", "scaled", "by", "rate", "normalised", "over", "batch"};
            StringBuilder text = new StringBuilder();
            int length = 4 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                text.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
        }

        /** Common deep-learning functions, each in one of three styles, with the student's own names. */
        private static String idiom(String kind, Map<String, String> n, Random random) {
            int style = random.nextInt(3);
            String x = n.get("x");
            String out = n.get("out");
            String tmp = n.get("tmp");
            String i = n.get("idx");
            String body = switch (kind) {
                case "relu_forward" -> switch (style) {
                    case 0 -> "    " + out + " = np.maximum(0, " + x + ")\n    return " + out + ", " + x + "\n";
                    case 1 -> "    " + out + " = " + x + ".copy()\n    " + out + "[" + out + " < 0] = 0\n    return " + out + ", " + x + "\n";
                    default -> "    " + out + " = " + x + " * (" + x + " > 0)\n    return " + out + ", " + x + "\n";
                };
                case "softmax" -> switch (style) {
                    case 0 -> "    " + tmp + " = np.exp(" + x + " - np.max(" + x + ", axis=1, keepdims=True))\n    return " + tmp
                            + " / np.sum(" + tmp + ", axis=1, keepdims=True)\n";
                    case 1 -> "    " + out + " = np.zeros_like(" + x + ")\n    for " + i + " in range(" + x + ".shape[0]):\n        "
                            + tmp + " = np.exp(" + x + "[" + i + "] - " + x + "[" + i + "].max())\n        " + out + "[" + i + "] = "
                            + tmp + " / " + tmp + ".sum()\n    return " + out + "\n";
                    default -> "    " + tmp + " = " + x + " - " + x + ".max(axis=-1, keepdims=True)\n    return np.exp(" + tmp
                            + " - np.log(np.exp(" + tmp + ").sum(axis=-1, keepdims=True)))\n";
                };
                case "cross_entropy" -> switch (style) {
                    case 0 -> "    " + tmp + " = -np.log(" + x + "[np.arange(len(" + n.get("labels") + ")), " + n.get("labels")
                            + "] + 1e-12)\n    return np.mean(" + tmp + ")\n";
                    case 1 -> "    " + n.get("total") + " = 0.0\n    for " + i + ", " + n.get("target") + " in enumerate(" + n.get("labels")
                            + "):\n        " + n.get("total") + " -= np.log(" + x + "[" + i + ", " + n.get("target") + "])\n    return "
                            + n.get("total") + " / len(" + n.get("labels") + ")\n";
                    default -> "    " + tmp + " = np.eye(" + x + ".shape[1])[" + n.get("labels") + "]\n    return -np.sum(" + tmp
                            + " * np.log(" + x + ")) / " + x + ".shape[0]\n";
                };
                case "batchnorm_forward" -> "    " + n.get("mean") + " = " + x + ".mean(axis=0)\n    " + n.get("var") + " = " + x
                        + ".var(axis=0)\n    " + tmp + " = (" + x + " - " + n.get("mean") + ") / np.sqrt(" + n.get("var") + " + "
                        + n.get("eps") + ")\n" + (style == 0 ? "    " + out + " = " + n.get("gamma") + " * " + tmp + " + " + n.get("beta")
                        + "\n    return " + out + ", (" + tmp + ", " + n.get("var") + ")\n" : "    return " + n.get("gamma") + " * " + tmp
                        + " + " + n.get("beta") + ", " + tmp + "\n");
                case "adam_update" -> "    " + n.get("moment") + " = " + n.get("beta") + " * " + n.get("moment") + " + (1 - "
                        + n.get("beta") + ") * " + n.get("grad") + "\n    " + n.get("velocity") + " = 0.999 * " + n.get("velocity")
                        + " + 0.001 * " + n.get("grad") + " ** 2\n    " + (style == 2 ? n.get("w") + " -= " : n.get("w") + " = "
                        + n.get("w") + " - ") + n.get("lr") + " * " + n.get("moment") + " / (np.sqrt(" + n.get("velocity") + ") + "
                        + n.get("eps") + ")\n    return " + n.get("w") + ", " + n.get("moment") + ", " + n.get("velocity") + "\n";
                case "dropout_forward" -> "    " + n.get("mask") + " = (np.random.rand(*" + x + ".shape) < " + n.get("rate") + ") / "
                        + n.get("rate") + "\n    return " + x + " * " + n.get("mask") + ", " + n.get("mask") + "\n";
                case "conv1d" -> "    " + out + " = np.zeros(len(" + x + ") - len(" + n.get("kernel") + ") + 1)\n    for " + i
                        + " in range(len(" + out + ")):\n        " + out + "[" + i + "] = np.sum(" + x + "[" + i + ":" + i + " + len("
                        + n.get("kernel") + ")] * " + n.get("kernel") + ")\n    return " + out + "\n";
                case "accuracy" -> style == 0 ? "    return np.mean(np.argmax(" + x + ", axis=1) == " + n.get("labels") + ")\n"
                        : "    " + n.get("count") + " = 0\n    for " + i + " in range(len(" + n.get("labels") + ")):\n        if np.argmax("
                                + x + "[" + i + "]) == " + n.get("labels") + "[" + i + "]:\n            " + n.get("count")
                                + " += 1\n    return " + n.get("count") + " / len(" + n.get("labels") + ")\n";
                case "minibatches" -> "    " + n.get("idx") + " = np.random.permutation(len(" + x + "))\n    for " + n.get("step")
                        + " in range(0, len(" + x + "), " + n.get("size") + "):\n        " + tmp + " = " + n.get("idx") + "["
                        + n.get("step") + ":" + n.get("step") + " + " + n.get("size") + "]\n        yield " + x + "[" + tmp + "], "
                        + n.get("labels") + "[" + tmp + "]\n";
                case "l2_penalty" -> style == 0 ? "    return " + n.get("rate") + " * sum(np.sum(" + tmp + " ** 2) for " + tmp + " in "
                        + n.get("params") + ".values())\n" : "    " + n.get("total") + " = 0.0\n    for " + tmp + " in " + n.get("params")
                        + ".values():\n        " + n.get("total") + " += np.sum(" + tmp + " * " + tmp + ")\n    return " + n.get("rate")
                        + " * " + n.get("total") + "\n";
                case "sigmoid" -> style == 0 ? "    return 1.0 / (1.0 + np.exp(-" + x + "))\n" : "    " + out + " = np.empty_like(" + x
                        + ")\n    " + n.get("mask") + " = " + x + " >= 0\n    " + out + "[" + n.get("mask") + "] = 1 / (1 + np.exp(-" + x + "["
                        + n.get("mask") + "]))\n    " + tmp + " = np.exp(" + x + "[~" + n.get("mask") + "])\n    " + out + "[~"
                        + n.get("mask") + "] = " + tmp + " / (1 + " + tmp + ")\n    return " + out + "\n";
                default -> "    " + n.get("score") + " = " + n.get("query") + " @ " + n.get("key") + ".T / np.sqrt(" + n.get("key")
                        + ".shape[-1])\n    " + n.get("score") + " = np.exp(" + n.get("score") + " - " + n.get("score")
                        + ".max(axis=-1, keepdims=True))\n    " + n.get("score") + " /= " + n.get("score")
                        + ".sum(axis=-1, keepdims=True)\n    return " + n.get("score") + " @ " + n.get("value") + "\n";
            };
            List<String> params = switch (kind) {
                case "cross_entropy", "accuracy" -> List.of(x, n.get("labels"));
                case "batchnorm_forward" -> List.of(x, n.get("gamma"), n.get("beta"), n.get("eps"));
                case "adam_update" -> List.of(n.get("w"), n.get("grad"), n.get("moment"), n.get("velocity"), n.get("lr"), n.get("beta"),
                        n.get("eps"));
                case "dropout_forward" -> List.of(x, n.get("rate"));
                case "conv1d" -> List.of(x, n.get("kernel"));
                case "minibatches" -> List.of(x, n.get("labels"), n.get("size"));
                case "l2_penalty" -> List.of(n.get("params"), n.get("rate"));
                case "attention" -> List.of(n.get("query"), n.get("key"), n.get("value"));
                default -> List.of(x);
            };
            List<String> distinct = params.stream().distinct().toList();
            return "def " + kind + "(" + String.join(", ", distinct) + "):\n    \"\"\"" + sentence(random) + "\"\"\"\n" + body + "\n\n";
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
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}

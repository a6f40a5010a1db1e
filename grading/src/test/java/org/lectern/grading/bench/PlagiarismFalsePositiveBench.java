package org.lectern.grading.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lectern.grading.plagiarism.Candidate;
import org.lectern.grading.plagiarism.CheckInput;
import org.lectern.grading.plagiarism.CheckOptions;
import org.lectern.grading.plagiarism.CheckResult;
import org.lectern.grading.plagiarism.KnnCorpus;
import org.lectern.grading.plagiarism.Pair;
import org.lectern.grading.plagiarism.PlagiarismCheck;
import org.lectern.grading.plagiarism.SourceLanguage;

/**
 * How often the check accuses independent students, on real submissions ({@link KnnCorpus}: CS231n's kNN classifier),
 * with and without the starter file as base code, at several minimum token matches and flag thresholds. False-positive
 * rate: flagged independent pairs over independent pairs; true-positive rate: flagged disguised copies (each against its
 * original) over copies; with the highest independent pair and the lowest copy, the margin a threshold has. Prints a
 * markdown table; no assertions (KnnCorpusPlagiarismTest holds the defaults).
 *
 * <pre>
 * java -cp ... org.lectern.grading.bench.PlagiarismFalsePositiveBench
 * </pre>
 */
public final class PlagiarismFalsePositiveBench {

    private static final List<Integer> TOKENS = List.of(9, 10, 11, 12, 13, 14);
    private static final List<Double> THRESHOLDS = List.of(CheckOptions.DEFAULT_FLAG_THRESHOLD, 0.6);

    private PlagiarismFalsePositiveBench() {
    }

    public static void main(String[] args) throws IOException {
        KnnCorpus corpus = KnnCorpus.load();
        PlagiarismCheck check = new PlagiarismCheck();
        Path temp = Files.createTempDirectory("lectern-fp-bench");
        int defaultTokens = SourceLanguage.PYTHON.defaultMinimumTokenMatch();
        System.out.printf(Locale.ROOT, "%d independent solutions (%d pairs), %d disguised copies; default minimum match %d, "
                        + "flag threshold %.2f%n%n", corpus.independent().size(),
                corpus.independent().size() * (corpus.independent().size() - 1) / 2, corpus.copies().size(), defaultTokens,
                CheckOptions.DEFAULT_FLAG_THRESHOLD);
        System.out.println("| base code | minimum match | flag threshold | independent pairs flagged (FP rate) "
                + "| copies flagged (TP rate) | highest independent pair | lowest copy | shared-source pairs (x01–s07, x02–s03) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        int run = 0;
        for (boolean base : List.of(true, false)) {
            for (int tokens : TOKENS) {
                CheckInput input = new CheckInput(SourceLanguage.PYTHON, corpus.all(), base ? corpus.starter() : Map.of(),
                        CheckOptions.defaults().withMinimumTokenMatch(tokens));
                CheckResult result = check.run(input, temp.resolve("run" + (++run)), null);
                for (double threshold : THRESHOLDS) {
                    KnnCorpus.Figures f = corpus.figures(result, threshold);
                    System.out.printf(Locale.ROOT, "| %s | %d%s | %.2f | %d of %d (%.1f%%) | %d of %d (%.0f%%) | %.2f (%s) | %.2f (%s) | %s |%n",
                            base ? "starter file" : "none", tokens, tokens == defaultTokens ? " (new default)" : tokens == 9 ? " (old default)" : "",
                            threshold, f.falsePositives(), f.independentPairs(), 100 * f.falsePositiveRate(), f.truePositives(),
                            f.copies(), 100 * f.truePositiveRate(), f.highestIndependent().maximumSimilarity(), name(f.highestIndependent()),
                            f.lowestCopy().maximumSimilarity(), name(f.lowestCopy()), shared(result, corpus));
                }
            }
        }
    }

    private static String name(Pair p) {
        return p.first().id() + "–" + p.second().id();
    }

    private static String shared(CheckResult result, KnnCorpus corpus) {
        StringBuilder out = new StringBuilder();
        for (Candidate x : corpus.sharedSource()) {
            String other = x.id().equals("x01") ? "s07" : "s03";
            result.pair(x.id(), other).ifPresent(p -> out.append(out.isEmpty() ? "" : ", ").append("%.2f".formatted(p.maximumSimilarity())));
        }
        return out.toString();
    }
}

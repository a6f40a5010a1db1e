package org.lectern.grading.plagiarism;

/**
 * Settings of a check.
 *
 * <p>Thresholds, chosen on real submissions: 16 independent students' solutions of CS231n's kNN classifier, with 5
 * disguised copies (renamed, reordered, comments changed, a loop rewritten), under
 * {@code grading/src/test/resources/plagiarism/knn} (KnnCorpusPlagiarismTest; the table is in docs/BENCHMARKS.md). With
 * the starter file as base code, a minimum match of 12 tokens flags none of the 120 independent pairs (the highest scores
 * 0.44) and every copy (the lowest scores 0.58). At Lectern's earlier 9 tokens, 6 independent pairs reached 0.5 (up to
 * 0.77): short runs such as {@code np.argmax(np.bincount(closest_y))} that many students write on their own. At 14 tokens
 * independent pairs rose again, because base code is only subtracted in runs of the minimum length. Without base code
 * every independent pair is flagged at any minimum match: a check without the starter files is not evidence (see
 * {@link CheckResult#baseCodeWarning()}). On the two-layer-net fixtures (PlagiarismCheckTest) the same default scores
 * the renamed and reordered copy 0.78 and the copies of the AI answer above 0.9, independent solutions below 0.35.
 *
 * <p>A pair is flagged from a maximum similarity of 0.5, between those two bounds: half of one side's own code (starter
 * code excluded) is found in the other. The maximum, not the average, so that a short submission copied wholesale into a
 * longer one is still flagged. Clusters use the same threshold by default.
 *
 * @param minimumTokenMatch shortest run of tokens that counts as a match; 0 for the language's default
 *     ({@link SourceLanguage#defaultMinimumTokenMatch()}). Lower finds more, including coincidences.
 * @param flagThreshold maximum similarity (0..1) from which a pair is flagged for staff
 * @param clusterThreshold maximum similarity (0..1) from which two students are linked into a cluster
 * @param maxPairs how many ranked pairs the result lists with their fragments (all pairs are counted and clustered)
 * @param maxReportComparisons how many comparisons the JPlag report zip holds (JPlag's own default is 2500)
 * @param keepWorkingFiles whether the files written for JPlag stay in the working directory after the check (the
 *     report zip always stays)
 */
public record CheckOptions(int minimumTokenMatch, double flagThreshold, double clusterThreshold, int maxPairs,
        int maxReportComparisons, boolean keepWorkingFiles) {

    public static final double DEFAULT_FLAG_THRESHOLD = 0.5;
    public static final int DEFAULT_MAX_PAIRS = 1000;
    public static final int DEFAULT_MAX_REPORT_COMPARISONS = 2500;

    public CheckOptions {
        if (minimumTokenMatch < 0) {
            throw new IllegalArgumentException("minimumTokenMatch must be 0 (the language default) or more");
        }
        requireFraction(flagThreshold, "flagThreshold");
        requireFraction(clusterThreshold, "clusterThreshold");
        if (maxPairs < 0 || maxReportComparisons < 1) {
            throw new IllegalArgumentException("maxPairs must be 0 or more and maxReportComparisons 1 or more");
        }
    }

    public static CheckOptions defaults() {
        return new CheckOptions(0, DEFAULT_FLAG_THRESHOLD, DEFAULT_FLAG_THRESHOLD, DEFAULT_MAX_PAIRS,
                DEFAULT_MAX_REPORT_COMPARISONS, false);
    }

    public CheckOptions withMinimumTokenMatch(int tokens) {
        return new CheckOptions(tokens, flagThreshold, clusterThreshold, maxPairs, maxReportComparisons, keepWorkingFiles);
    }

    public CheckOptions withFlagThreshold(double threshold) {
        return new CheckOptions(minimumTokenMatch, threshold, clusterThreshold, maxPairs, maxReportComparisons, keepWorkingFiles);
    }

    public CheckOptions withClusterThreshold(double threshold) {
        return new CheckOptions(minimumTokenMatch, flagThreshold, threshold, maxPairs, maxReportComparisons, keepWorkingFiles);
    }

    public CheckOptions withMaxPairs(int pairs) {
        return new CheckOptions(minimumTokenMatch, flagThreshold, clusterThreshold, pairs, maxReportComparisons, keepWorkingFiles);
    }

    public CheckOptions withMaxReportComparisons(int comparisons) {
        return new CheckOptions(minimumTokenMatch, flagThreshold, clusterThreshold, maxPairs, comparisons, keepWorkingFiles);
    }

    public CheckOptions withKeepWorkingFiles(boolean keep) {
        return new CheckOptions(minimumTokenMatch, flagThreshold, clusterThreshold, maxPairs, maxReportComparisons, keep);
    }

    /** The minimum token match actually used for a language. */
    public int minimumTokenMatchFor(SourceLanguage language) {
        return minimumTokenMatch > 0 ? minimumTokenMatch : language.defaultMinimumTokenMatch();
    }

    private static void requireFraction(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], was " + value);
        }
    }
}

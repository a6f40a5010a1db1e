package org.lectern.grading.plagiarism;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a check found. Results are for staff only.
 *
 * @param outcome whether anything was compared, and if not, why
 * @param message one line for staff saying the same
 * @param pairs pairs with at least one student, ranked by maximum then average similarity, at most
 *     {@link CheckOptions#maxPairs()}
 * @param comparisons how many pairs were compared in all
 * @param flaggedPairs how many pairs reached the flag threshold in all (some may lie beyond {@code pairs})
 * @param clusters groups of students linked by pairs at or above the cluster threshold, largest first
 * @param problems files and candidates that could not be compared fully
 * @param reportFile JPlag's report zip (viewable at https://jplag.github.io/JPlag/), null when nothing was compared
 * @param files the compared text of each candidate's files, by candidate id, for the side-by-side view
 * @param options the options used, with the minimum token match resolved for the language
 * @param baseCodeWarning null when pairs were compared with the starter code as base code; otherwise why the results
 *     are no evidence (no starter code given, or it could not be used), to show above every result
 */
public record CheckResult(Outcome outcome, String message, List<Pair> pairs, int comparisons, int flaggedPairs,
        List<Cluster> clusters, List<ParseProblem> problems, Path reportFile, Map<String, List<ComparedFile>> files,
        CheckOptions options, String baseCodeWarning) {

    /**
     * Without base code, code every student was handed (signatures, docstrings, the scaffolding around each TODO) is a
     * match: on real kNN solutions every independent pair was flagged (docs/BENCHMARKS.md). A check still runs, so that
     * assignments without starter code are checked, but its pairs carry this warning.
     */
    public static final String NO_BASE_CODE_WARNING = "No starter code was given as base code: code every student received "
            + "counts as a match. Upload the starter files (every file handed out with the assignment, as the students "
            + "received it) and re-run before deciding any case.";

    /** The starter files were given but JPlag could not use them (unparsable, or shorter than one match). */
    public static final String UNUSABLE_BASE_CODE_WARNING = "The starter code could not be used as base code (see the "
            + "problems listed): code every student received counts as a match. Correct the starter files and re-run "
            + "before deciding any case.";

    public enum Outcome {
        /** Pairs were compared. */
        COMPARED,
        /** No student has code in the check's language. */
        NO_SUBMISSIONS,
        /** One student and nothing from earlier terms or references to compare against. */
        ONE_SUBMISSION,
        /** There were submissions, but too few could be parsed to compare any pair; see {@code problems}. */
        TOO_FEW_PARSABLE
    }

    public CheckResult {
        pairs = List.copyOf(pairs);
        clusters = List.copyOf(clusters);
        problems = List.copyOf(problems);
        files = Map.copyOf(files);
    }

    /** The pair of two candidates, if it is among {@link #pairs()}. */
    public Optional<Pair> pair(String idA, String idB) {
        return pairs.stream().filter(pair -> pair.between(idA, idB)).findFirst();
    }

    /** A candidate's compared file by its submitted name. */
    public Optional<ComparedFile> file(String candidateId, String name) {
        return files.getOrDefault(candidateId, List.of()).stream().filter(file -> file.name().equals(name)).findFirst();
    }
}

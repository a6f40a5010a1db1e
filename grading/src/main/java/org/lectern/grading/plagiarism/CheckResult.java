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
 */
public record CheckResult(Outcome outcome, String message, List<Pair> pairs, int comparisons, int flaggedPairs,
        List<Cluster> clusters, List<ParseProblem> problems, Path reportFile, Map<String, List<ComparedFile>> files,
        CheckOptions options) {

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

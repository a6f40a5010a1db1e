package org.lectern.plagiarism;

import java.util.List;
import java.util.Optional;

/**
 * What staff see of an assignment's plagiarism checks: the latest check with its ranked pairs, clusters and parse
 * problems, the corpus it compares against, and the cases opened so far.
 *
 * @param baseCodeWarning the shown pairs' check ran without the starter files as base code, and why its pairs are no
 *     evidence; null when they were used (or nothing was compared)
 */
public record PlagiarismResults(long assignmentId, long courseId, String assignmentName, boolean instructor,
                                Optional<PlagiarismCheckRun> latest, List<PairSummary> pairs, List<ClusterSummary> clusters,
                                List<ParseProblemSummary> problems, List<CorpusEntry> corpus, List<IntegrityCase> cases,
                                String baseCodeWarning) {
}

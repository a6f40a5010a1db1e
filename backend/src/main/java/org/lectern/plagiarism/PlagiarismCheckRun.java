package org.lectern.plagiarism;

import java.time.Instant;

/**
 * One check of an assignment as stored.
 *
 * @param phase the engine's phase while running ("parsing", "comparing"), null before and after
 * @param progress 0..1 of the whole check
 * @param outcome once done: COMPARED, NO_SUBMISSIONS, ONE_SUBMISSION or TOO_FEW_PARSABLE
 * @param message one line for staff: why nothing was compared, or why the check failed
 * @param baseCodeWarning null when the starter files were used as base code; otherwise why the pairs are no evidence
 *     (the engine's {@code CheckResult.baseCodeWarning}), shown above the results
 */
public record PlagiarismCheckRun(long id, long assignmentId, long courseId, CheckTrigger trigger, CheckState state, String phase,
                                 double progress, String outcome, String message, int comparisons, int flaggedPairs,
                                 boolean hasReport, Instant queuedAt, Instant startedAt, Instant finishedAt, String baseCodeWarning) {

    public boolean finished() {
        return state.finished();
    }
}

package org.lectern.gradebook;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The one way a score reaches the gradebook, whatever graded it. Publish it inside the transaction that changed the
 * score ({@code ApplicationEventPublisher.publishEvent}); the gradebook stores it in that transaction.
 * <ul>
 * <li>A plain report (a quiz attempt, exercise attempts, poll participation, a survey) is stored as that item's
 * entry, replacing the previous one; reports for items the policy does not list are kept and count once the item is
 * added.</li>
 * <li>A work report ({@link #work(long, String, long, Work, BigDecimal, String)}) is the score of a student's counted
 * submission to an assignment (autograded notebooks and models): it carries the submission time, so the late-day
 * ledger charges it, and the points it is out of, so the gradebook rescales it to the item; a null score is
 * submitted but not graded yet. Report it again whenever the counted version, its grading or its scale changes.</li>
 * <li>An override-kind report (with a reason, e.g. an integrity decision) is an override: the gradebook checks that
 * the caller is an instructor and audits it as one; it needs the item in the policy.</li>
 * </ul>
 * Staff corrections go through an override, which a later report never undoes.
 *
 * @param source         what reported it ("quiz", "exercise", "poll", "autograde", "plagiarism"), kept in the audit log
 * @param overrideReason null unless override-kind
 * @param work           null unless a work report
 */
public record ScoreReported(long courseId, String itemKey, long accountId, BigDecimal score, String source, String overrideReason,
                            Work work) {

    /**
     * What a work report adds: which assignment, when its counted version came in, what the score is out of, and the
     * team whose version it is (null: the student's own), so the course's team late-day rule can charge members together.
     */
    public record Work(long assignmentId, Instant submittedAt, BigDecimal possible, Long teamId) {
        public Work {
            if (submittedAt == null) {
                throw new IllegalArgumentException("a work report has the counted version's submission time");
            }
        }

        public Work(long assignmentId, Instant submittedAt, BigDecimal possible) {
            this(assignmentId, submittedAt, possible, null);
        }
    }

    public ScoreReported(long courseId, String itemKey, long accountId, BigDecimal score, String source) {
        this(courseId, itemKey, accountId, score, source, null, null);
    }

    /** A decision that replaces whatever else the item holds for this student. */
    public static ScoreReported override(long courseId, String itemKey, long accountId, BigDecimal score, String source, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override-kind report has a reason");
        }
        return new ScoreReported(courseId, itemKey, accountId, score, source, reason, null);
    }

    /** The counted submission's score (null while not graded) out of {@code work.possible()}. */
    public static ScoreReported work(long courseId, String itemKey, long accountId, Work work, BigDecimal score, String source) {
        return new ScoreReported(courseId, itemKey, accountId, score, source, null, work);
    }

    /**
     * The item key under which an assignment's written part (rubric-graded questions) is reported; the gradebook adds
     * it to the assignment's autograded part (GradebookRows, hybrid items) rather than letting it replace the total.
     */
    public static String writtenPartOf(String assignmentKey) {
        return assignmentKey + "/written";
    }

    public boolean isOverride() {
        return overrideReason != null;
    }
}

package org.lectern.gradebook;

import java.math.BigDecimal;

/**
 * The one way a feature reports a student's score on one of the course's gradebook items (a quiz attempt,
 * exercise attempts, poll participation, an integrity decision). A plain report is stored as that item's entry, in
 * the reporter's transaction, replacing the previous one; staff corrections go through an override, which a later
 * report never undoes. An override-kind report (with a reason) is such an override: the gradebook checks that the
 * caller is an instructor and audits it as one. Reports for items the policy does not list are kept and count once
 * the item is added; an override needs the item in the policy.
 *
 * @param source         what reported it ("quiz", "exercise", "poll", "plagiarism"), kept in the audit log
 * @param overrideReason null for a plain report; the reason of an override-kind report
 */
public record ScoreReported(long courseId, String itemKey, long accountId, BigDecimal score, String source, String overrideReason) {

    public ScoreReported(long courseId, String itemKey, long accountId, BigDecimal score, String source) {
        this(courseId, itemKey, accountId, score, source, null);
    }

    /** A decision that replaces whatever else the item holds for this student. */
    public static ScoreReported override(long courseId, String itemKey, long accountId, BigDecimal score, String source, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override-kind report has a reason");
        }
        return new ScoreReported(courseId, itemKey, accountId, score, source, reason);
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

package org.lectern.submission;

/** Published inside the storing transaction: a grading run is queued in the same transaction. */
public record SubmissionReceived(long submissionId, long assignmentId, long courseId, boolean reference) {
}

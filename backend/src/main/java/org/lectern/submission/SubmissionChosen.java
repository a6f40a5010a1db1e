package org.lectern.submission;

/** Published inside the choosing transaction: a student picked which of their versions counts. */
public record SubmissionChosen(long submissionId, long assignmentId, long courseId) {
}

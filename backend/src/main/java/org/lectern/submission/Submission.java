package org.lectern.submission;

import java.time.Instant;

/** One uploaded version. {@code submittedAt} is the time that counts; staff may back-date an on-behalf upload. */
public record Submission(long id, long assignmentId, long accountId, String studentName, String studentEmail, int version,
                         Instant submittedAt, Instant receivedAt, long submittedBy, String onBehalfReason, String fileName,
                         String sha256, long sizeBytes, boolean reference) {

    public boolean onBehalf() {
        return submittedBy != accountId;
    }
}

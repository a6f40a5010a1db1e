package org.lectern.submission;

import java.time.Instant;

/**
 * One uploaded version. {@code submittedAt} is the time that counts; staff may back-date an on-behalf upload. On a team
 * item {@code teamId} names the team the version belongs to and {@code accountId}/{@code studentName} the member who
 * made it; otherwise {@code teamId} is null and the version is {@code accountId}'s own.
 */
public record Submission(long id, long assignmentId, long accountId, String studentName, String studentEmail, int version,
                         Instant submittedAt, Instant receivedAt, long submittedBy, String onBehalfReason, String fileName,
                         String sha256, long sizeBytes, boolean reference, Long teamId) {

    public boolean onBehalf() {
        return submittedBy != accountId;
    }
}

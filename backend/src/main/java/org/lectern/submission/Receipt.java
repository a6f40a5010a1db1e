package org.lectern.submission;

import java.time.Instant;
import java.util.List;

/** What a student gets back once their upload is stored: the proof of what and when. */
public record Receipt(long submissionId, long assignmentId, int version, String fileName, long sizeBytes, String sha256,
                      Instant submittedAt, Instant receivedAt, boolean late, List<String> files) {
}

package org.lectern.extensionrequest;

import java.time.Instant;

/** A student's request for more days on one gradebook item; status open, approved or denied. */
public record ExtensionRequest(long id, long courseId, String itemKey, long accountId, String studentName, int days, String reason,
                               Instant askedAt, String status, String note, Instant decidedAt) {
}

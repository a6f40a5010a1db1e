package org.lectern.extensionrequest;

import java.time.Instant;

/**
 * A student's request for more days on one gradebook item; status open, approved or denied. {@code documentName} is
 * the attached document's name (null: none); its content is read through {@link ExtensionRequestService#document}.
 */
public record ExtensionRequest(long id, long courseId, String itemKey, long accountId, String studentName, int days, String reason,
                               Instant askedAt, String status, String note, Instant decidedAt, String documentName) {

    public boolean open() {
        return "open".equals(status);
    }
}

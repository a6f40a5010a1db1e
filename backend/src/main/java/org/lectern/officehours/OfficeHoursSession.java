package org.lectern.officehours;

import java.time.Instant;

/** A TA's office-hours session: where (a room or an online link) and until when. */
public record OfficeHoursSession(long id, long courseId, String location, String openedBy, Instant openedAt, Instant endsAt,
                                 Instant closedAt) {

    public boolean isOpen(Instant now) {
        return closedAt == null && now.isBefore(endsAt);
    }
}

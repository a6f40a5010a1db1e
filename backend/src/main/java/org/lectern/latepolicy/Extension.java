package org.lectern.latepolicy;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A deadline extension granted to one student for one item: either a new due instant or a number of
 * extra calendar days. Exactly one of {@code newDue} and {@code extraDays} is set. Late days then
 * count from the extended deadline, with the course's grace and weekend rule as usual.
 */
public record Extension(String itemKey, Instant newDue, Integer extraDays, String reason) {

    public Extension {
        if (itemKey == null || itemKey.isBlank()) {
            throw new IllegalArgumentException("an extension names its item");
        }
        if ((newDue == null) == (extraDays == null)) {
            throw new IllegalArgumentException("an extension has either a new due time or extra days, not both or neither");
        }
        if (extraDays != null && extraDays < 1) {
            throw new IllegalArgumentException("extra days must be at least 1: " + extraDays);
        }
        // The reason is the audit trail staff and students see later.
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an extension needs a reason");
        }
    }

    public static Extension until(String itemKey, Instant newDue, String reason) {
        return new Extension(itemKey, newDue, null, reason);
    }

    public static Extension byDays(String itemKey, int extraDays, String reason) {
        return new Extension(itemKey, null, extraDays, reason);
    }

    /**
     * The extended deadline. Extra days are calendar days at the same wall-clock time (a 2-day
     * extension of Friday 23:59 is Sunday 23:59; the weekend rule is for counting lateness, not for
     * extensions). An extension never moves a deadline earlier.
     */
    public ZonedDateTime applyTo(ZonedDateTime deadline) {
        Objects.requireNonNull(deadline, "deadline");
        ZonedDateTime extended = newDue != null
                ? newDue.atZone(deadline.getZone())
                : LateDays.atWallClock(deadline.toLocalDate().plusDays(extraDays), deadline.toLocalTime(), deadline.getZone());
        return extended.isAfter(deadline) ? extended : deadline;
    }
}

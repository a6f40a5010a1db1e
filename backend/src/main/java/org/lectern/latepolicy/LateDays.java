package org.lectern.latepolicy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Counts late days on the course's calendar.
 * <p>Late day {@code k} ends at the deadline's wall-clock time on the {@code k}-th counted day after
 * the deadline's date, in the deadline's zone. Stepping local dates (not adding 24 hours) keeps a
 * 23:59 deadline at 23:59 across daylight-saving changes, so a late day can be 23 or 25 hours long.
 * A submission is {@code k} days late for the smallest {@code k} with
 * {@code submittedAt <= end of late day k + grace}; the grace applies at every step so that a few
 * minutes past any boundary never costs a whole extra day.
 * <p>With {@code weekendCountsAsOneDay}, Saturday is not a counted day: the late day that would end
 * on Saturday ends on Sunday instead, so Saturday and Sunday together are one late day. Hence:
 * <ul>
 *   <li>Friday 23:59 deadline: 1 day late until Sunday 23:59, 2 until Monday 23:59 (the seed's example);</li>
 *   <li>Thursday 23:59: 1 until Friday 23:59, 2 until Sunday 23:59;</li>
 *   <li>Saturday 23:59: 1 until Sunday 23:59 (only Sunday is left of that weekend), 2 until Monday;</li>
 *   <li>Sunday 23:59: 1 until Monday 23:59 ... 5 until Friday, 6 until the next Sunday.</li>
 * </ul>
 * Pass deadlines in a region zone (America/Los_Angeles), not a fixed offset, or DST is invisible.
 * When the wall-clock time does not exist that day (spring-forward gap) it moves forward by the gap;
 * when it happens twice (fall-back overlap) the later instant is used, in the student's favour.
 */
public final class LateDays {

    private LateDays() {
    }

    /** Days late under the course's grace and weekend rule; 0 when within grace of the deadline. */
    public static int count(ZonedDateTime deadline, Instant submittedAt, LatePolicy policy) {
        return count(deadline, submittedAt, policy.grace(), policy.weekendCountsAsOneDay());
    }

    public static int count(ZonedDateTime deadline, Instant submittedAt, Duration grace, boolean weekendCountsAsOneDay) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(grace, "grace");
        LocalDate day = deadline.toLocalDate();
        ZonedDateTime end = deadline;
        int days = 0;
        // One step per counted day: even a year late is a few hundred cheap iterations.
        while (submittedAt.isAfter(end.toInstant().plus(grace))) {
            day = nextCountedDay(day, weekendCountsAsOneDay);
            end = atWallClock(day, deadline.toLocalTime(), deadline.getZone());
            days++;
        }
        return days;
    }

    /**
     * When late day {@code days} ends (grace not included): what "you can submit until" shows.
     * {@code days == 0} is the deadline itself.
     */
    public static ZonedDateTime endOfLateDay(ZonedDateTime deadline, int days, boolean weekendCountsAsOneDay) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        if (days == 0) {
            return deadline;
        }
        LocalDate day = deadline.toLocalDate();
        for (int i = 0; i < days; i++) {
            day = nextCountedDay(day, weekendCountsAsOneDay);
        }
        return atWallClock(day, deadline.toLocalTime(), deadline.getZone());
    }

    public static ZonedDateTime endOfLateDay(ZonedDateTime deadline, int days, LatePolicy policy) {
        return endOfLateDay(deadline, days, policy.weekendCountsAsOneDay());
    }

    static LocalDate nextCountedDay(LocalDate day, boolean weekendCountsAsOneDay) {
        LocalDate next = day.plusDays(1);
        return weekendCountsAsOneDay && next.getDayOfWeek() == DayOfWeek.SATURDAY ? next.plusDays(1) : next;
    }

    /** The given wall-clock time on that date; gap moves forward, overlap takes the later instant. */
    static ZonedDateTime atWallClock(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.ofLocal(LocalDateTime.of(day, time), zone, null).withLaterOffsetAtOverlap();
    }
}

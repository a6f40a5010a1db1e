package org.lectern.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way the UI writes a date or time: in the course's time zone, one style ("Mon Jan 18, 14:00"),
 * and the year whenever it is not the current one ("Mon Jan 18 2027, 14:00"), so a deadline in another
 * year never reads like this year's.
 */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEE MMM d yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    /** Which year is "this" year; the system clock unless a test sets another. */
    private static volatile Clock clock = Clock.systemUTC();

    private Dates() {
    }

    static void useClock(Clock c) {
        clock = c;
    }

    /** "Mon Jan 18, 14:00" (year added when not this year), in {@code zone}; empty for no time. */
    public static String dateTime(Instant t, ZoneId zone) {
        return t == null ? "" : dateTime(t.atZone(zone));
    }

    public static String dateTime(ZonedDateTime t) {
        return t == null ? "" : date(t.toLocalDate(), t.getZone()) + ", " + TIME.format(t);
    }

    /** "Mon Jan 18" (year added when not this year in {@code zone}). */
    public static String date(LocalDate d, ZoneId zone) {
        if (d == null) {
            return "";
        }
        return (d.getYear() == LocalDate.now(clock.withZone(zone)).getYear() ? DAY : DAY_YEAR).format(d);
    }

    /** "14:00" in {@code zone}: for times next to a date already shown, or today's. */
    public static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    /** "14:03:27": only where seconds matter (an answer saved, a timed quiz's deadline). */
    public static String timeWithSeconds(Instant t, ZoneId zone) {
        return t == null ? "" : SECONDS.format(t.atZone(zone));
    }
}

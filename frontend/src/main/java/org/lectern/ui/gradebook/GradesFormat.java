package org.lectern.ui.gradebook;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the grades pages show them, in the course's zone (the ledger's due times carry it). */
final class GradesFormat {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, HH:mm", Locale.ENGLISH);

    private GradesFormat() {
    }

    static String when(ZonedDateTime t) {
        return t == null ? "" : WHEN.format(t);
    }
}

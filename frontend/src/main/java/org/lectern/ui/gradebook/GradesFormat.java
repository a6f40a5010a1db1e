package org.lectern.ui.gradebook;

import java.time.ZonedDateTime;
import java.util.Locale;

/** Dates as the grades pages show them, in the course's zone (the ledger's due times carry it). */
final class GradesFormat {

    private GradesFormat() {
    }

    static String when(ZonedDateTime t) {
        return org.lectern.ui.Dates.dateTime(t);
    }
}

package org.lectern.course;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** A lecture, recitation or lab section, with its weekly meeting if it has one. */
public record Section(long id, String name, Kind kind, DayOfWeek day, LocalTime startsAt, LocalTime endsAt,
                      String location) {

    public enum Kind {
        LECTURE, RECITATION, LAB;

        /** The kind in words, as pages show it ("Recitation", not RECITATION). */
        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String meets() {
        if (day == null || startsAt == null) {
            return "";
        }
        String d = day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return d + " " + startsAt + (endsAt == null ? "" : "–" + endsAt);
    }
}

package org.lectern.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The day a new lecture most likely falls on: the first day after the last lecture on one of the weekdays
 * the course's lectures are held (Tue/Thu stays Tue/Thu), never a weekend unless the course lectures then.
 */
public final class NextLectureDay {
    private NextLectureDay() {
    }

    /** {@code lectureDates} in any order; {@code today} when there is none yet. */
    public static LocalDate after(List<LocalDate> lectureDates, LocalDate today) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        lectureDates.forEach(d -> days.add(d.getDayOfWeek()));
        LocalDate from = lectureDates.stream().max(LocalDate::compareTo).orElse(today.minusDays(1));
        if (days.isEmpty()) {
            days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        }
        LocalDate d = from.plusDays(1);
        while (!days.contains(d.getDayOfWeek())) {
            d = d.plusDays(1);
        }
        return d;
    }
}

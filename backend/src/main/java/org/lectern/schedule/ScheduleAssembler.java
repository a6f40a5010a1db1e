package org.lectern.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lays the schedule out as students read it: weeks, each with its lectures, each lecture with the
 * items linked to it and the items released or due from its start until the next lecture's start
 * (the first lecture also takes what comes before it, the last what comes after it).
 */
public final class ScheduleAssembler {

    public record LectureEntry(Lecture lecture, LocalDateTime start, LocalTime end, List<CourseItem> linked,
                               List<CourseItem> out, List<CourseItem> due) {
    }

    /** Week 0 holds lectures before the first defined week. */
    public record WeekBlock(int number, String title, LocalDate startsOn, List<LectureEntry> lectures) {
    }

    public record Layout(List<WeekBlock> weeks, List<CourseItem> unplaced) {
    }

    private ScheduleAssembler() {
    }

    public static Layout assemble(ZoneId zone, List<Week> weeks, List<Lecture> lectures, List<CourseItem> items) {
        List<Lecture> sorted = lectures.stream()
                .sorted(Comparator.comparing(Lecture::startsAt).thenComparingInt(Lecture::number)).toList();
        if (sorted.isEmpty()) {
            return new Layout(List.of(), items);
        }
        List<LectureEntry> entries = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Lecture l = sorted.get(i);
            Instant from = i == 0 ? Instant.MIN : l.startsAt();
            Instant until = i == sorted.size() - 1 ? Instant.MAX : sorted.get(i + 1).startsAt();
            List<CourseItem> linked = items.stream().filter(it -> Objects.equals(it.lectureId(), l.id())).toList();
            List<CourseItem> out = items.stream()
                    .filter(it -> it.lectureId() == null && within(it.releaseAt(), from, until))
                    .sorted(Comparator.comparing(CourseItem::releaseAt)).toList();
            List<CourseItem> due = items.stream()
                    .filter(it -> within(it.dueAt(), from, until))
                    .sorted(Comparator.comparing(CourseItem::dueAt)).toList();
            entries.add(new LectureEntry(l, LocalDateTime.ofInstant(l.startsAt(), zone),
                    LocalDateTime.ofInstant(l.endsAt(), zone).toLocalTime(), linked, out, due));
        }
        List<CourseItem> unplaced = items.stream()
                .filter(it -> it.lectureId() != null && sorted.stream().noneMatch(l -> l.id() == it.lectureId()))
                .toList();
        return new Layout(weeks.isEmpty() ? calendarWeeks(entries) : definedWeeks(weeks, entries), unplaced);
    }

    private static boolean within(Instant t, Instant from, Instant until) {
        return t != null && !t.isBefore(from) && t.isBefore(until);
    }

    private static List<WeekBlock> definedWeeks(List<Week> weeks, List<LectureEntry> entries) {
        List<Week> sorted = weeks.stream().sorted(Comparator.comparing(Week::startsOn)).toList();
        Map<Integer, List<LectureEntry>> byWeek = new LinkedHashMap<>();
        for (LectureEntry e : entries) {
            LocalDate day = e.start().toLocalDate();
            int number = 0;
            for (Week w : sorted) {
                if (!w.startsOn().isAfter(day)) {
                    number = w.number();
                }
            }
            byWeek.computeIfAbsent(number, n -> new ArrayList<>()).add(e);
        }
        List<WeekBlock> blocks = new ArrayList<>();
        if (byWeek.containsKey(0)) {
            blocks.add(new WeekBlock(0, "Before week " + sorted.getFirst().number(), null, byWeek.get(0)));
        }
        for (Week w : sorted) {
            blocks.add(new WeekBlock(w.number(), w.title(), w.startsOn(), byWeek.getOrDefault(w.number(), List.of())));
        }
        return blocks;
    }

    /** Without defined weeks, week 1 is the Monday-to-Sunday week of the first lecture. */
    private static List<WeekBlock> calendarWeeks(List<LectureEntry> entries) {
        LocalDate monday1 = entries.getFirst().start().toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<Integer, List<LectureEntry>> byWeek = new LinkedHashMap<>();
        for (LectureEntry e : entries) {
            int n = 1 + (int) ChronoUnit.WEEKS.between(monday1, e.start().toLocalDate());
            byWeek.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
        }
        List<WeekBlock> blocks = new ArrayList<>();
        byWeek.forEach((n, es) -> blocks.add(new WeekBlock(n, "", monday1.plusWeeks(n - 1L), es)));
        return blocks;
    }
}

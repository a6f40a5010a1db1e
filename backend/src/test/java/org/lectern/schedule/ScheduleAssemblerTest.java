package org.lectern.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleAssemblerTest {

    private static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), SEATTLE).toInstant();
    }

    private static Lecture lecture(long id, int number, String date) {
        return new Lecture(id, 1, number, at(date + "T10:00"), at(date + "T11:20"), "L" + number, "", null, null);
    }

    private static CourseItem item(long id, String name, Long lectureId, String release, String due) {
        return new CourseItem(id, 1, CourseItem.Kind.ASSIGNMENT, name, name, lectureId,
                release == null ? null : at(release), due == null ? null : at(due), null, false);
    }

    private final List<Lecture> lectures = List.of(
            lecture(1, 1, "2024-01-04"), lecture(2, 2, "2024-01-09"), lecture(3, 3, "2024-01-11"), lecture(4, 4, "2024-01-16"));

    @Test
    void itemsGoToTheLectureWhoseSpanHoldsTheirDates() {
        var a0 = item(10, "A0", null, "2024-01-04T11:20", "2024-01-11T23:59");
        var a1 = item(11, "A1", null, "2024-01-06T12:00", "2024-01-18T23:59");
        var early = item(12, "Pre", null, "2023-12-20T09:00", null);
        var exercise = item(13, "E1", 2L, null, null);
        var layout = ScheduleAssembler.assemble(SEATTLE, List.of(), lectures, List.of(a0, a1, early, exercise));
        var entries = layout.weeks().stream().flatMap(w -> w.lectures().stream()).toList();

        // The first lecture takes what comes before it; A1, out on Saturday, belongs to Thursday's lecture's span.
        assertThat(entries.get(0).out()).containsExactly(early, a0, a1);
        assertThat(entries.get(1).out()).isEmpty();
        assertThat(entries.get(1).linked()).containsExactly(exercise);
        assertThat(entries.get(2).due()).containsExactly(a0);          // due Thursday 23:59: Thursday's lecture
        assertThat(entries.get(3).due()).containsExactly(a1);          // the last lecture takes what comes after it
        assertThat(layout.unplaced()).isEmpty();
    }

    @Test
    void withoutDefinedWeeksWeekOneIsTheCalendarWeekOfTheFirstLecture() {
        var layout = ScheduleAssembler.assemble(SEATTLE, List.of(), lectures, List.of());
        assertThat(layout.weeks()).extracting(ScheduleAssembler.WeekBlock::number).containsExactly(1, 2, 3);
        assertThat(layout.weeks().getFirst().startsOn()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(layout.weeks().get(1).lectures()).hasSize(2);
    }

    @Test
    void definedWeeksTakeLecturesByStartDateAndEarlierOnesGoBeforeWeekOne() {
        var weeks = List.of(new Week(1, 1, "Intro", LocalDate.of(2024, 1, 8)), new Week(2, 2, "Losses", LocalDate.of(2024, 1, 15)),
                new Week(3, 3, "Empty", LocalDate.of(2024, 1, 22)));
        var layout = ScheduleAssembler.assemble(SEATTLE, weeks, lectures, List.of());
        assertThat(layout.weeks()).extracting(ScheduleAssembler.WeekBlock::number).containsExactly(0, 1, 2, 3);
        assertThat(layout.weeks().get(0).lectures()).extracting(e -> e.lecture().number()).containsExactly(1);
        assertThat(layout.weeks().get(1).lectures()).extracting(e -> e.lecture().number()).containsExactly(2, 3);
        assertThat(layout.weeks().get(2).lectures()).extracting(e -> e.lecture().number()).containsExactly(4);
        assertThat(layout.weeks().get(3).lectures()).isEmpty();
    }

    @Test
    void wallClockTimesSurviveTheDaylightSavingChange() {
        // US clocks move forward on 2024-03-10: lectures before and after both show 10:00-11:20 local.
        var before = lecture(1, 1, "2024-03-07");
        var after = lecture(2, 2, "2024-03-12");
        var layout = ScheduleAssembler.assemble(SEATTLE, List.of(), List.of(before, after), List.of());
        var entries = layout.weeks().stream().flatMap(w -> w.lectures().stream()).toList();
        assertThat(entries).extracting(e -> e.start().toLocalTime()).containsOnly(LocalTime.of(10, 0));
        assertThat(entries).extracting(ScheduleAssembler.LectureEntry::end).containsOnly(LocalTime.of(11, 20));
        assertThat(java.time.Duration.between(before.startsAt(), after.startsAt()).toHours()).isEqualTo(5 * 24 - 1);
    }

    @Test
    void noLecturesLeavesEveryItemUnplaced() {
        var a0 = item(10, "A0", null, "2024-01-04T11:20", "2024-01-11T23:59");
        var layout = ScheduleAssembler.assemble(SEATTLE, List.of(), List.of(), List.of(a0));
        assertThat(layout.weeks()).isEmpty();
        assertThat(layout.unplaced()).containsExactly(a0);
    }
}

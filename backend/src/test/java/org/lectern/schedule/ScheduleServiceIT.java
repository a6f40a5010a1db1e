package org.lectern.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class ScheduleServiceIT {

    @Autowired ScheduleService schedule;
    @Autowired CourseService courses;
    @Autowired People people;

    Account instructor;
    Account student;
    long courseId;

    @BeforeEach
    void course() {
        instructor = people.instructor();
        student = people.user("student");
        courseId = as(instructor, () -> {
            long id = courses.create(new CourseDraft("COMP " + instructor.id(), "Deep Learning", "Fall 2024", "Europe/Istanbul")).id();
            courses.addMember(id, new NewMember("S", student.email(), CourseRole.STUDENT, null));
            return id;
        });
    }

    private LectureDraft draft(Integer number, String date, String title) {
        return new LectureDraft(number, LocalDate.parse(date), LocalTime.of(13, 0), LocalTime.of(15, 50), title, "topics",
                "https://example.edu/slides.pdf", "Room 1");
    }

    @Test
    void lecturesAreStoredAtTheCourseZonesWallClockTime() {
        Lecture l = as(instructor, () -> schedule.addLecture(courseId, draft(null, "2024-10-02", "Intro")));
        assertThat(l.number()).isEqualTo(1);
        assertThat(l.startsAt()).isEqualTo(Instant.parse("2024-10-02T10:00:00Z")); // Istanbul is UTC+3
        Lecture second = as(instructor, () -> schedule.addLecture(courseId, draft(null, "2024-10-09", "MLPs")));
        assertThat(second.number()).isEqualTo(2);
        var seen = as(student, () -> schedule.schedule(courseId));
        assertThat(seen.weeks()).flatExtracting(ScheduleAssembler.WeekBlock::lectures)
                .extracting(e -> e.lecture().title()).containsExactly("Intro", "MLPs");
    }

    @Test
    void onlyInstructorsChangeTheSchedule() {
        assertThatThrownBy(() -> as(student, () -> schedule.addLecture(courseId, draft(null, "2024-10-02", "Mine"))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(student, () -> schedule.registerItem(courseId,
                new CourseItemDraft(CourseItem.Kind.QUIZ, "Q", "Quiz", null, null, null, null, false))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void badLecturesAreRefusedWithAReason() {
        as(instructor, () -> schedule.addLecture(courseId, draft(3, "2024-10-02", "Three")));
        assertThatThrownBy(() -> as(instructor, () -> schedule.addLecture(courseId, draft(3, "2024-10-03", "Again"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Lecture 3 already exists");
        assertThatThrownBy(() -> as(instructor, () -> schedule.addLecture(courseId,
                new LectureDraft(null, LocalDate.parse("2024-10-02"), LocalTime.of(15, 0), LocalTime.of(14, 0), "Backwards", "", null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> as(instructor, () -> schedule.addLecture(courseId,
                new LectureDraft(null, LocalDate.parse("2024-10-02"), LocalTime.of(13, 0), LocalTime.of(14, 0), "XSS", "", "javascript:alert(1)", null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http(s)");
    }

    @Test
    void staffOnlyItemsAreHiddenFromStudents() {
        as(instructor, () -> {
            schedule.registerItem(courseId, new CourseItemDraft(CourseItem.Kind.ASSIGNMENT, "A1", "Assignment 1", null,
                    Instant.parse("2024-10-01T00:00:00Z"), Instant.parse("2024-10-15T20:59:00Z"), null, false));
            schedule.registerItem(courseId, new CourseItemDraft(CourseItem.Kind.QUIZ, "Q-draft", "Draft quiz", null,
                    null, null, null, true));
        });
        assertThat(as(student, () -> schedule.items(courseId))).extracting(CourseItem::shortName).containsExactly("A1");
        assertThat(as(instructor, () -> schedule.items(courseId))).extracting(CourseItem::shortName).contains("A1", "Q-draft");
    }
}

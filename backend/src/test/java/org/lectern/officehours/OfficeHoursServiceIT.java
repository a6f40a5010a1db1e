package org.lectern.officehours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.TestClock;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;

/** The office-hours queue on the real database: order, privacy, one place per student, roles, push. */
@BackendTest
class OfficeHoursServiceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired OfficeHoursService hours;
    @Autowired OfficeHoursBroadcaster broadcaster;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Instant inTwoHours() {
        return clock.instant().plus(Duration.ofHours(2));
    }

    @Test
    void studentsQueueSeeTheirPlaceAndTheTaTakesThemInOrder() {
        var s = coursework.setup(false);
        var third = people.user("third");
        as(s.instructor(), () -> courses.addMember(s.courseId(), new NewMember("Third", third.email(), CourseRole.STUDENT, null)));
        var session = as(s.ta(), () -> hours.open(s.courseId(), "CSE2 152", inTwoHours()));

        AtomicInteger pushes = new AtomicInteger();
        try (var sub = broadcaster.subscribe(session.id(), pushes::incrementAndGet)) {
            var mine = as(s.student(), () -> hours.join(session.id(), "A1 backprop through the softmax", true));
            assertThat(mine.mine().position()).isEqualTo(1);
            assertThat(mine.mine().waitSeconds()).isZero();
            await().untilAsserted(() -> assertThat(pushes).hasPositiveValue());
        }
        clock.advance(Duration.ofMinutes(1));
        var other = as(s.otherStudent(), () -> hours.join(session.id(), "Colab GPU quota", false));
        assertThat(other.mine().position()).isEqualTo(2);
        assertThat(other.mine().waitSeconds()).isEqualTo(WaitEstimate.DEFAULT_SERVICE.toSeconds());

        // One place per student per session, even when asked twice.
        assertThatThrownBy(() -> as(s.student(), () -> hours.join(session.id(), "again", false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already");

        // A classmate sees that someone is ahead, but not who, nor their private topic.
        var seenByOther = as(s.otherStudent(), () -> hours.queue(session.id()));
        var first = seenByOther.waiting().getFirst();
        assertThat(first.student()).isNull();
        assertThat(first.topic()).isNull();
        assertThat(first.privateTopic()).isTrue();
        assertThat(seenByOther.waiting().get(1).student()).isEqualTo("other");
        // Staff see everything.
        var seenByTa = as(s.ta(), () -> hours.queue(session.id()));
        assertThat(seenByTa.waiting()).extracting(QueueEntry::topic).containsExactly("A1 backprop through the softmax", "Colab GPU quota");

        var taken = as(s.ta(), () -> hours.takeNext(session.id()));
        assertThat(taken.student()).isEqualTo("student");
        clock.advance(Duration.ofMinutes(6));
        as(s.ta(), () -> hours.finish(taken.id(), true));

        // Helped today: the student comes back later and goes behind someone who was not.
        var s2 = as(s.ta(), () -> hours.open(s.courseId(), "https://zoom.example/j/1", inTwoHours()));
        as(s.student(), () -> hours.join(s2.id(), "A2 question", false));
        clock.advance(Duration.ofMinutes(1));
        as(third, () -> hours.join(s2.id(), "Lecture 3 question", false));
        var q = as(s.student(), () -> hours.queue(s2.id()));
        assertThat(q.mine().position()).isEqualTo(2);
        assertThat(q.mine().waitSeconds()).isEqualTo(Duration.ofMinutes(6).toSeconds()); // one ahead, the course's 6-minute service
        assertThat(as(s.ta(), () -> hours.takeNext(s2.id())).student()).isEqualTo("third");

        var absent = as(s.ta(), () -> hours.takeNext(session.id()));
        as(s.ta(), () -> hours.finish(absent.id(), false));
        assertThatThrownBy(() -> as(s.ta(), () -> hours.finish(absent.id(), true))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> hours.takeNext(session.id())))
                .isInstanceOf(ConflictException.class).hasMessage("Nobody is waiting.");

        var figures = as(s.instructor(), () -> hours.figures(s.courseId()));
        assertThat(figures.helped()).isEqualTo(1);
        assertThat(figures.absent()).isEqualTo(1);
        assertThat(figures.perTa()).containsExactly(new OfficeHoursFigures.PerTa("ta", 1));
        assertThat(figures.medianServiceSeconds()).isEqualTo(360);
    }

    @Test
    void rolesAndBadInput() {
        var s = coursework.setup(false);
        var stranger = people.user("stranger");
        assertThatThrownBy(() -> as(s.student(), () -> hours.open(s.courseId(), "Room 1", inTwoHours())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(stranger, () -> hours.open(s.courseId(), "Room 1", inTwoHours())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> hours.open(s.courseId(), "javascript://alert(1)", inTwoHours())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> hours.open(s.courseId(), "Room 1", clock.instant().minusSeconds(5))))
                .isInstanceOf(InvalidInputException.class);
        var session = as(s.ta(), () -> hours.open(s.courseId(), "Room 1", inTwoHours()));
        assertThatThrownBy(() -> as(stranger, () -> hours.queue(session.id()))).isInstanceOf(NotFoundException.class)
                .hasMessage("No office-hours session " + session.id() + "."); // names no course
        assertThatThrownBy(() -> as(stranger, () -> hours.join(session.id(), "hi", false))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> hours.join(session.id(), "hi", false))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> hours.join(session.id(), " ", false))).isInstanceOf(InvalidInputException.class);
        as(s.student(), () -> hours.join(session.id(), "hi", false));
        assertThatThrownBy(() -> as(s.student(), () -> hours.takeNext(session.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> hours.figures(s.courseId()))).isInstanceOf(ForbiddenException.class);
        long entry = as(s.student(), () -> hours.queue(session.id())).mine().id();
        assertThatThrownBy(() -> as(s.student(), () -> hours.finish(entry, true))).isInstanceOf(ForbiddenException.class);

        as(s.ta(), () -> hours.close(session.id()));
        assertThat(as(s.student(), () -> hours.queue(session.id())).open()).isFalse();
        assertThatThrownBy(() -> as(s.otherStudent(), () -> hours.join(session.id(), "late", false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ended");
    }
}

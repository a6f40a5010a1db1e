package org.lectern.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.TestClock;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Announcements on the real database: now or scheduled, per-person dismissal, one event each, roles. */
@BackendTest
@RecordApplicationEvents
class AnnouncementServiceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired AnnouncementService announcements;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long published(long id) {
        return events.stream(AnnouncementPublished.class).filter(e -> e.announcementId() == id).count();
    }

    @Test
    void postedNowShowsUntilEachPersonDismissesIt() {
        var s = coursework.setup(false);
        var a = as(s.instructor(), () -> announcements.post(s.courseId(), "A1 is out", "Due **Friday**, see $\\nabla L$.", null));
        assertThat(published(a.id())).isEqualTo(1);
        assertThat(as(s.student(), () -> announcements.current(s.courseId()))).extracting(Announcement::id).containsExactly(a.id());
        as(s.student(), () -> announcements.dismiss(a.id()));
        as(s.student(), () -> announcements.dismiss(a.id())); // twice is harmless
        assertThat(as(s.student(), () -> announcements.current(s.courseId()))).isEmpty();
        assertThat(as(s.otherStudent(), () -> announcements.current(s.courseId()))).extracting(Announcement::id).containsExactly(a.id());
    }

    @Test
    void aScheduledAnnouncementStaysHiddenUntilItsTimeAndIsAnnouncedOnce() {
        var s = coursework.setup(false);
        var a = as(s.ta(), () -> announcements.post(s.courseId(), "Midterm room", "Kane 120", clock.instant().plus(Duration.ofHours(1))));
        assertThat(published(a.id())).isZero();
        assertThat(as(s.student(), () -> announcements.current(s.courseId()))).isEmpty();
        assertThat(as(s.ta(), () -> announcements.all(s.courseId()))).extracting(Announcement::id).contains(a.id());
        assertThatThrownBy(() -> as(s.student(), () -> announcements.dismiss(a.id()))).isInstanceOf(NotFoundException.class);
        announcements.publishDue(a.id()); // the pool task, too early (a clock skew between nodes): nothing yet
        assertThat(published(a.id())).isZero();

        clock.advance(Duration.ofHours(2));
        assertThat(as(s.student(), () -> announcements.current(s.courseId()))).extracting(Announcement::id).containsExactly(a.id());
        announcements.publishDue(a.id());
        announcements.publishDue(a.id()); // a retried task announces nothing twice
        assertThat(published(a.id())).isEqualTo(1);
    }

    @Test
    void rolesAndBadInput() {
        var s = coursework.setup(false);
        var stranger = people.user("stranger");
        assertThatThrownBy(() -> as(s.student(), () -> announcements.post(s.courseId(), "Hi", "x", null))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(stranger, () -> announcements.current(s.courseId()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.instructor(), () -> announcements.post(s.courseId(), " ", "x", null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(s.student(), () -> announcements.all(s.courseId()))).isInstanceOf(ForbiddenException.class);
        var a = as(s.instructor(), () -> announcements.post(s.courseId(), "Hi", "x", null));
        assertThatThrownBy(() -> as(stranger, () -> announcements.dismiss(a.id()))).isInstanceOf(NotFoundException.class)
                .hasMessage("No announcement " + a.id() + "."); // names no course
        assertThatThrownBy(() -> as(s.student(), () -> announcements.delete(a.id()))).isInstanceOf(ForbiddenException.class);
        as(s.instructor(), () -> announcements.delete(a.id()));
        assertThat(as(s.student(), () -> announcements.current(s.courseId()))).isEmpty();
    }
}

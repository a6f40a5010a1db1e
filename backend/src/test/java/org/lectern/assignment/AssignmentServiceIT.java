package org.lectern.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.ScheduleService;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class AssignmentServiceIT {

    @Autowired Coursework coursework;
    @Autowired AssignmentService assignments;
    @Autowired ScheduleService schedule;

    @Test
    void anAssignmentIsACourseItemOnTheSchedule() {
        var s = coursework.setup(false);
        assertThat(as(s.student(), () -> schedule.items(s.courseId()))).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo(CourseItem.Kind.ASSIGNMENT);
            assertThat(i.shortName()).isEqualTo("A1");
            assertThat(i.dueAt()).isEqualTo(s.assignment().dueAt());
            assertThat(i.route()).endsWith("/assignments/" + s.assignment().id());
        });
    }

    @Test
    void studentsDoNotSeeAssignmentsBeforeTheirRelease() {
        var s = coursework.setup(false);
        Instant later = Instant.now().plus(3, ChronoUnit.DAYS);
        Assignment hidden = as(s.instructor(), () -> assignments.create(s.courseId(),
                AssignmentDraft.of("A2", "Backprop", later, later.plus(7, ChronoUnit.DAYS), BigDecimal.TEN)));
        assertThat(as(s.student(), () -> assignments.list(s.courseId()))).extracting(Assignment::shortName).containsExactly("A1");
        assertThat(as(s.ta(), () -> assignments.list(s.courseId()))).extracting(Assignment::shortName).containsExactly("A1", "A2");
        assertThatThrownBy(() -> as(s.student(), () -> assignments.get(hidden.id()))).isInstanceOf(NotFoundException.class);
        assertThat(as(s.student(), () -> assignments.page(s.assignment().id())).autograder()).isEmpty();
    }

    @Test
    void assignmentDetailsAreCheckedWithEveryProblemNamed() {
        var s = coursework.setup(false);
        Instant now = Instant.now();
        assertThatThrownBy(() -> as(s.instructor(), () -> assignments.create(s.courseId(),
                new AssignmentDraft("A 1!", "", "essay", now, now.minusSeconds(60), BigDecimal.valueOf(-1), null, ".exe", null, 0, null, null, null, null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("shortName").hasMessageContaining("title").hasMessageContaining("dueAt is before releaseAt")
                .hasMessageContaining("points").hasMessageContaining("type").hasMessageContaining("allowedExtensions")
                .hasMessageContaining("cpuSeconds");
        assertThatThrownBy(() -> as(s.instructor(), () -> assignments.create(s.courseId(),
                AssignmentDraft.of("a1", "Again", now, now, BigDecimal.ONE)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> assignments.create(s.courseId(),
                AssignmentDraft.of("A3", "TA's", now, now, BigDecimal.ONE)))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void assignmentsMayOnlyAskForPackagesTheWorkersOffer() {
        var s = coursework.setup(false);
        Instant now = Instant.now();
        assertThatThrownBy(() -> as(s.instructor(), () -> assignments.create(s.courseId(),
                new AssignmentDraft("A9", "Torch", null, now, now, BigDecimal.ONE, null, null, null, null, null, null, null,
                        "numpy, definitely_not_installed"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("do not offer definitely_not_installed")
                .hasMessageContaining("numpy");
        Assignment ok = as(s.instructor(), () -> assignments.create(s.courseId(),
                new AssignmentDraft("A9", "Numpy", null, now, now, BigDecimal.ONE, null, null, null, null, null, null, null, "numpy")));
        assertThat(ok.packages()).containsExactly("numpy");
    }

    @Test
    void autogradersAreVersionedAndBadFilesNamed() {
        var s = coursework.setup(true);
        Autograder v2 = as(s.instructor(), () -> assignments.uploadAutograder(s.assignment().id(), Coursework.autograder()));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.possible(Visibility.PUBLIC)).isEqualByComparingTo("4");
        assertThat(v2.possible(Visibility.PRIVATE)).isEqualByComparingTo("6");
        byte[] ok = "def test_x():\n    assert True\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> as(s.instructor(), () -> assignments.uploadAutograder(s.assignment().id(), List.of(
                new TestFileUpload("../test_evil.py", ok, Visibility.PUBLIC, BigDecimal.ONE),
                new TestFileUpload("helpers.py", ok, Visibility.PUBLIC, BigDecimal.ONE),
                new TestFileUpload("test_a.py", ok, null, BigDecimal.ONE),
                new TestFileUpload("test_b.py", new byte[0], Visibility.PRIVATE, BigDecimal.ONE)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'../test_evil.py' is not a pytest file name").hasMessageContaining("'helpers.py'")
                .hasMessageContaining("test_a.py: say whether").hasMessageContaining("test_b.py is empty");
        assertThatThrownBy(() -> as(s.ta(), () -> assignments.uploadAutograder(s.assignment().id(), Coursework.autograder())))
                .isInstanceOf(ForbiddenException.class);
    }
}

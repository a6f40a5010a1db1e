package org.lectern.written;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.AssignmentService;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;

/** Regrade requests on the real database: the window, one open request, the answer with the score change, who sees what. */
@BackendTest
class RegradeServiceIT {

    @Autowired Coursework coursework;
    @Autowired WrittenService written;
    @Autowired RegradeService regrades;
    @Autowired AssignmentService assignments;
    @Autowired AuditLog audit;

    @Test
    void aStudentAsksInsideTheWindowAndSeesTheAnswerAndTheNewScore() {
        var s = coursework.setup(false);
        var outsider = coursework.setup(false).student();
        long a = s.assignment().id();
        var q = as(s.instructor(), () -> written.addQuestion(a, new WrittenDrafts.Question(null, "Derive", new BigDecimal("4"), "negative")));
        var sign = as(s.ta(), () -> written.addItem(q.id(), new WrittenDrafts.Item(new BigDecimal("-2"), "Sign error")));
        as(s.ta(), () -> written.saveGrade(q.id(), s.student().id(), new WrittenDrafts.Grade(List.of(sign.id()), null, "")));

        // Before release, and with no window, nobody may ask.
        assertThatThrownBy(() -> as(s.student(), () -> regrades.request(q.id(), "The sign is right"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not released");
        as(s.instructor(), () -> assignments.releaseGrades(a, true));
        assertThatThrownBy(() -> as(s.student(), () -> regrades.request(q.id(), "The sign is right"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not open");
        Instant now = Instant.now();
        assertThatThrownBy(() -> as(s.ta(), () -> regrades.setWindow(a, new RegradeService.Window(now, now.plusSeconds(60)))))
                .isInstanceOf(ForbiddenException.class);
        as(s.instructor(), () -> regrades.setWindow(a, new RegradeService.Window(now.plus(1, ChronoUnit.DAYS), now.plus(8, ChronoUnit.DAYS))));
        assertThatThrownBy(() -> as(s.student(), () -> regrades.request(q.id(), "The sign is right"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("open from");
        as(s.instructor(), () -> regrades.setWindow(a, new RegradeService.Window(now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS))));

        var asked = as(s.student(), () -> regrades.request(q.id(), "Line 3 has the right sign"));
        assertThat(asked.scoreBefore()).isEqualByComparingTo("2");
        assertThatThrownBy(() -> as(s.student(), () -> regrades.request(q.id(), "again"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> regrades.request(q.id(), "me too"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not been graded");
        assertThatThrownBy(() -> as(s.ta(), () -> regrades.request(q.id(), "x"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> regrades.request(q.id(), "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.student(), () -> regrades.answer(asked.id(), "granted"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> regrades.answer(asked.id(), "granted"))).isInstanceOf(NotFoundException.class)
                .hasMessage("No regrade request " + asked.id() + ".");

        // The TA removes the deduction, then answers.
        as(s.ta(), () -> written.saveGrade(q.id(), s.student().id(), new WrittenDrafts.Grade(List.of(), null, "Regraded")));
        var answered = as(s.ta(), () -> regrades.answer(asked.id(), "You are right, deduction removed."));
        assertThat(answered.scoreAfter()).isEqualByComparingTo("4");
        assertThatThrownBy(() -> as(s.ta(), () -> regrades.answer(asked.id(), "twice"))).isInstanceOf(ConflictException.class);

        var mine = as(s.student(), () -> regrades.requests(a));
        assertThat(mine).singleElement().satisfies(r -> {
            assertThat(r.answer()).isEqualTo("You are right, deduction removed.");
            assertThat(r.scoreBefore()).isEqualByComparingTo("2");
            assertThat(r.scoreAfter()).isEqualByComparingTo("4");
        });
        assertThat(as(s.otherStudent(), () -> regrades.requests(a))).isEmpty();
        assertThat(as(s.ta(), () -> regrades.requests(a))).hasSize(1);
        // The staff's answering page: the course's requests, named; students and outsiders are refused.
        assertThat(as(s.ta(), () -> regrades.courseRequests(s.courseId()))).singleElement().satisfies(r -> {
            assertThat(r.studentName()).isEqualTo(s.student().displayName());
            assertThat(r.questionTitle()).isEqualTo(q.title());
            assertThat(r.assignmentId()).isEqualTo(a);
        });
        assertThatThrownBy(() -> as(s.student(), () -> regrades.courseRequests(s.courseId()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> regrades.courseRequests(s.courseId()))).isInstanceOf(NotFoundException.class);
        assertThat(as(s.student(), () -> regrades.window(a))).isPresent();
        assertThat(audit.forCourse(s.courseId())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("written.regrade.answered");
            assertThat(e.detail()).contains(": 2 -> 4");
        });
    }
}

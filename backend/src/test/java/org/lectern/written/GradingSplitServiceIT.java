package org.lectern.written;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.testing.SamplePdfs;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/** Written grading split evenly between two TAs, graded anonymously: queues, names, progress and who may choose. */
@BackendTest
class GradingSplitServiceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired WrittenService written;
    @Autowired WrittenPages pages;
    @Autowired GradingSplitService split;

    @Test
    void anEvenSplitGivesEachTaTheirQueueAndHidesNamesUntilAQuestionIsDone() {
        var s = coursework.setup(false);
        var outsider = coursework.setup(false).instructor();
        var ta2 = people.user("ta2");
        as(s.instructor(), () -> courses.addMember(s.courseId(), new NewMember("Second TA", ta2.email(), CourseRole.TA, null)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Assignment w = as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("W1", "Written", null,
                now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, null, ".pdf", null, null, null, null, null, null,
                "Assignments", null)));
        var q1 = as(s.instructor(), () -> written.addQuestion(w.id(), new WrittenDrafts.Question(null, "One", BigDecimal.valueOf(5), null)));
        as(s.instructor(), () -> written.addQuestion(w.id(), new WrittenDrafts.Question(null, "Two", BigDecimal.valueOf(5), null)));
        as(s.student(), () -> submissions.submit(w.id(), "answers.pdf", SamplePdfs.answers(1)));
        as(s.otherStudent(), () -> submissions.submit(w.id(), "answers.pdf", SamplePdfs.answers(1)));

        // Only instructors choose, an outsider learns nothing, and a grader must be a TA of the course.
        var even = new GradingSplitService.Setup("even", true, Map.of());
        assertThatThrownBy(() -> as(s.ta(), () -> split.saveSetup(w.id(), even))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> split.saveSetup(w.id(), even))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.instructor(), () -> split.saveSetup(w.id(),
                new GradingSplitService.Setup("question", false, Map.of(q1.id(), List.of(s.student().id()))))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a TA");
        assertThatThrownBy(() -> as(s.instructor(), () -> split.saveSetup(w.id(), new GradingSplitService.Setup("random", false, Map.of()))))
                .isInstanceOf(InvalidInputException.class);
        as(s.instructor(), () -> split.saveSetup(w.id(), even));
        assertThat(as(s.ta(), () -> split.setup(w.id())).split()).isEqualTo("even");

        // Each TA has one student's two answers; the instructor sees all four waiting.
        assertThat(as(s.ta(), () -> split.waitingFor(s.courseId()))).isEqualTo(2);
        assertThat(as(ta2, () -> split.waitingFor(s.courseId()))).isEqualTo(2);
        assertThat(as(s.instructor(), () -> split.waitingFor(s.courseId()))).isEqualTo(4);
        var queue = as(s.ta(), () -> pages.queue(q1.id()));
        assertThat(queue).extracting(WrittenPages.QueueEntry::graderId).containsExactlyInAnyOrder(s.ta().id(), ta2.id());
        assertThat(queue).extracting(WrittenPages.QueueEntry::student).containsExactly("Answer 1", "Answer 2");

        // Progress: instructors see every TA; a TA their own line (and what nobody has).
        assertThat(as(s.instructor(), () -> split.progress(s.courseId()))).extracting(GradingSplitService.Progress::graderId,
                GradingSplitService.Progress::assigned, GradingSplitService.Progress::graded)
                .contains(org.assertj.core.groups.Tuple.tuple(s.ta().id(), 2, 0), org.assertj.core.groups.Tuple.tuple(ta2.id(), 2, 0),
                        org.assertj.core.groups.Tuple.tuple(0L, 0, 0));
        assertThat(as(s.ta(), () -> split.progress(s.courseId()))).extracting(GradingSplitService.Progress::graderId)
                .containsExactly(s.ta().id(), 0L);
        assertThatThrownBy(() -> as(s.student(), () -> split.progress(s.courseId()))).isInstanceOf(ForbiddenException.class);

        // Both answers to Q1 graded: its names show; the TA's progress and queue follow.
        for (var e : queue) {
            as(s.ta(), () -> written.saveGrade(q1.id(), e.accountId(), new WrittenDrafts.Grade(List.of(), null, "")));
        }
        assertThat(as(s.ta(), () -> pages.queue(q1.id()))).extracting(WrittenPages.QueueEntry::student)
                .containsExactlyInAnyOrder(s.student().displayName(), s.otherStudent().displayName());
        assertThat(as(s.ta(), () -> split.waitingFor(s.courseId()))).isEqualTo(1);
        assertThat(as(s.instructor(), () -> split.progress(s.courseId()))).filteredOn(p -> p.graderId() == ta2.id()).singleElement()
                .satisfies(p -> assertThat(p.graded()).isEqualTo(1));
    }
}

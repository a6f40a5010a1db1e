package org.lectern.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.extensionrequest.ExtensionRequestService;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.NotFoundException;
import org.lectern.quiz.QuizAuthoringService;
import org.lectern.quiz.QuizDraft;
import org.lectern.submission.SubmissionService;
import org.lectern.testing.SamplePdfs;
import org.lectern.written.WrittenDrafts;
import org.lectern.written.WrittenService;
import org.springframework.beans.factory.annotation.Autowired;

/** The counts go down as the work is done; students and outsiders see none of it. */
@BackendTest
class TaDashboardIT {

    @Autowired Coursework coursework;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired WrittenService written;
    @Autowired ExtensionRequestService extensions;
    @Autowired TaDashboardService dashboard;
    @Autowired DashboardBroadcaster pushes;
    @Autowired org.lectern.officehours.OfficeHoursService officeHours;
    @Autowired QuizAuthoringService quizzes;
    @Autowired org.lectern.written.RegradeService regrades;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Map<String, Integer> counts(Coursework.Setup s) {
        return as(s.ta(), () -> dashboard.waiting(s.courseId())).stream()
                .collect(Collectors.toMap(TaDashboardService.Waiting::key, TaDashboardService.Waiting::count));
    }

    @Test
    void countsGoDownAsWorkIsDone() {
        var s = coursework.setup(false);
        var outsider = coursework.setup(false).student();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Assignment w = as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("W1", "Written", null,
                now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, null, ".pdf", null, null, null, null, null, null,
                "Assignments", null)));
        var q1 = as(s.instructor(), () -> written.addQuestion(w.id(), new WrittenDrafts.Question(null, "One", BigDecimal.valueOf(5), null)));
        as(s.instructor(), () -> written.addQuestion(w.id(), new WrittenDrafts.Question(null, "Two", BigDecimal.valueOf(5), null)));
        as(s.student(), () -> submissions.submit(w.id(), "answers.pdf", SamplePdfs.answers(2)));
        as(s.student(), () -> submissions.submit(w.id(), "answers.pdf", SamplePdfs.answers(3))); // a second version: still one student
        as(s.otherStudent(), () -> submissions.submit(w.id(), "answers.pdf", SamplePdfs.answers(1)));
        var request = as(s.student(), () -> extensions.request(s.courseId(), new ExtensionRequestService.Draft("W1", 2, "Flu")));

        assertThat(counts(s)).containsEntry("written", 4).containsEntry("extension-requests", 1).containsEntry("regrade-requests", 0)
                .containsEntry("quiz-short-answers", 0);
        as(s.ta(), () -> written.saveGrade(q1.id(), s.student().id(), new WrittenDrafts.Grade(List.of(), null, "")));
        as(s.ta(), () -> extensions.decide(request.id(), true, ""));
        assertThat(counts(s)).containsEntry("written", 3).containsEntry("extension-requests", 0);

        assertThatThrownBy(() -> as(s.student(), () -> dashboard.waiting(s.courseId()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> dashboard.waiting(s.courseId()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void failedRunsMustPassQuizzesAndTheOfficeHoursQueueAreCounted() {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(counts(s)).containsEntry("failed-runs", 0).containsEntry("must-pass", 0).containsEntry("office-hours", 0)
                .containsEntry("plagiarism-pairs", 0);

        // A counted notebook whose run failed (the worker's side is another test's: here the row as a worker leaves it).
        long submission = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct())).submissionId();
        jdbc.sql("insert into grading_run (submission_id, course_id, status, finished_at) values (?, ?, 'FAILED', now())")
                .params(submission, s.courseId()).update();
        // A must-pass quiz neither student has passed: two students × one quiz.
        as(s.instructor(), () -> quizzes.create(s.courseId(), new QuizDraft("Check", "Self-check", now.minus(1, ChronoUnit.HOURS),
                now.plus(7, ChronoUnit.DAYS), null, null, null, new BigDecimal("50"), false, false, 2, null,
                List.of(QuizDraft.QuestionDraft.single("1 + 1?", BigDecimal.ONE, List.of("1", "2"), 1)), null)));
        // One student waiting in open office hours.
        var session = as(s.ta(), () -> officeHours.open(s.courseId(), "CSE2 152", now.plus(2, ChronoUnit.HOURS)));
        as(s.student(), () -> officeHours.join(session.id(), "Backprop through a max", false));

        assertThat(counts(s)).containsEntry("failed-runs", 1).containsEntry("must-pass", 2).containsEntry("office-hours", 1);
        as(s.ta(), () -> officeHours.takeNext(session.id()));
        assertThat(counts(s)).containsEntry("office-hours", 0);
    }

    @Test
    void openDashboardsHearOfNewAndAnsweredRequests() {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("W2", "Written", null,
                now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, null, ".pdf", null, null, null, null, null, null,
                "Assignments", null)));
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        var subscription = pushes.course(s.courseId(), heard::incrementAndGet);
        try {
            var request = as(s.student(), () -> extensions.request(s.courseId(), new ExtensionRequestService.Draft("W2", 2, "Flu")));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> heard.get() >= 1);
            int before = heard.get();
            as(s.ta(), () -> extensions.decide(request.id(), false, "Please use your late days"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> heard.get() > before);
        } finally {
            subscription.close();
        }
    }
}

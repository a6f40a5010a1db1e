package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.dashboard.DashboardBroadcaster;
import org.lectern.dashboard.TaDashboardService;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An open TA dashboard hears, by push, of an autograder run that a worker ends FAILED (the "failed runs" count grows). */
@BackendTest
class FailedRunPushIT {

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired GradingWorker worker;
    @Autowired DashboardBroadcaster pushes;
    @Autowired TaDashboardService dashboard;
    @Autowired JdbcClient jdbc;
    @Autowired org.lectern.project.TeamService teams;
    @Autowired org.lectern.assignment.AssignmentService assignments;

    int failedRuns(Coursework.Setup s) {
        return as(s.ta(), () -> dashboard.waiting(s.courseId())).stream().filter(w -> w.key().equals("failed-runs")).findFirst()
                .orElseThrow().count();
    }

    @Test
    void aRunThatFailsOnAWorkerIsPushedToTheCoursesDashboards() {
        var s = coursework.setup(false);
        AtomicInteger heard = new AtomicInteger();
        var subscription = pushes.course(s.courseId(), heard::incrementAndGet);
        try {
            long submission = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct())).submissionId();
            await().atMost(Duration.ofSeconds(20)).until(() -> heard.get() >= 1); // the new version
            // A run as the queue holds it (no autograder here, so no worker takes it before the test ends it).
            long run = jdbc.sql("insert into grading_run (submission_id, course_id, status) values (?, ?, 'QUEUED') returning id")
                    .params(submission, s.courseId()).query(Long.class).single();
            assertThat(failedRuns(s)).isZero();
            int before = heard.get();

            worker.giveUp(run, "The grading node lost its sandbox twice.");

            await().atMost(Duration.ofSeconds(20)).until(() -> heard.get() > before);
            assertThat(failedRuns(s)).isEqualTo(1);
        } finally {
            subscription.close();
        }
    }

    /**
     * A team's version counts for the team, whoever made it: its maker has since left the team, so no student's score
     * report follows the failure, and the dashboard must still hear of it.
     */
    @Test
    void aFailedRunOfATeamsVersionWhoseMakerLeftIsPushedToo() {
        var s = coursework.setup(false);
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var item = as(s.instructor(), () -> assignments.create(s.courseId(), new org.lectern.assignment.AssignmentDraft("P1", "Project",
                null, now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(7)), java.math.BigDecimal.TEN, true, null,
                null, null, null, null, null, null, null, null)));
        var team = as(s.ta(), () -> teams.createWithMembers(s.courseId(), "Blue", java.util.List.of(s.student().email(), s.otherStudent().email())));
        long submission = as(s.student(), () -> submissions.submit(item.id(), "p1.ipynb", Coursework.correct())).submissionId();
        as(s.ta(), () -> teams.removeMember(team.id(), s.student().id()));
        long run = jdbc.sql("insert into grading_run (submission_id, course_id, status) values (?, ?, 'QUEUED') returning id")
                .params(submission, s.courseId()).query(Long.class).single();
        assertThat(failedRuns(s)).isZero();
        AtomicInteger heard = new AtomicInteger();
        var subscription = pushes.course(s.courseId(), heard::incrementAndGet);
        try {
            worker.giveUp(run, "The grading node lost its sandbox twice.");
            await().atMost(Duration.ofSeconds(20)).until(() -> heard.get() >= 1);
            assertThat(failedRuns(s)).isEqualTo(1);
        } finally {
            subscription.close();
        }
    }
}

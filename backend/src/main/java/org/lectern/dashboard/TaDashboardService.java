package org.lectern.dashboard;

import java.time.Clock;
import java.util.List;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.autograde.AutogradeService;
import org.lectern.autograde.RunStatus;
import org.lectern.course.CourseAccess;
import org.lectern.extensionrequest.ExtensionRequestService;
import org.lectern.officehours.OfficeHoursService;
import org.lectern.plagiarism.PairSummary;
import org.lectern.plagiarism.PlagiarismService;
import org.lectern.quiz.MustPassService;
import org.lectern.quiz.QuizAttemptService;
import org.lectern.quiz.QuizGradingService;
import org.lectern.written.RegradeService;
import org.lectern.written.GradingSplitService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for course staff now, each with a count: the TA's start. Every count comes from its own feature's
 * role-checked service, so the dashboard knows no rule of its own.
 */
@Service
public class TaDashboardService {

    /** One kind of waiting work; {@code key} is stable for scripts and the page. */
    public record Waiting(String key, String label, int count) {
    }

    private final CourseAccess access;
    private final GradingSplitService split;
    private final RegradeService regrades;
    private final ExtensionRequestService extensions;
    private final QuizGradingService quizzes;
    private final QuizAttemptService attempts;
    private final MustPassService mustPass;
    private final AssignmentService assignments;
    private final AutogradeService autograde;
    private final PlagiarismService plagiarism;
    private final OfficeHoursService officeHours;
    private final Clock clock;

    TaDashboardService(CourseAccess access, GradingSplitService split, RegradeService regrades, ExtensionRequestService extensions, QuizGradingService quizzes,
                       QuizAttemptService attempts, MustPassService mustPass,
                       AssignmentService assignments, AutogradeService autograde, PlagiarismService plagiarism, OfficeHoursService officeHours,
                       Clock clock) {
        this.access = access;
        this.split = split;
        this.regrades = regrades;
        this.extensions = extensions;
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.mustPass = mustPass;
        this.assignments = assignments;
        this.autograde = autograde;
        this.plagiarism = plagiarism;
        this.officeHours = officeHours;
        this.clock = clock;
    }

    @Transactional
    public List<Waiting> waiting(long courseId) {
        access.staff(courseId);
        List<Assignment> all = assignments.list(courseId);
        return List.of(
                new Waiting("written", "Written answers for you to grade", split.waitingFor(courseId)),
                new Waiting("quiz-short-answers", "Quiz short answers to grade", quizzes.gradingQueue(courseId).size()),
                new Waiting("regrade-requests", "Regrade requests to answer", regrades.openCount(courseId)),
                new Waiting("extension-requests", "Extension requests to decide", extensions.openCount(courseId)),
                new Waiting("failed-runs", "Autograder runs that failed", failedRuns(all)),
                new Waiting("plagiarism-pairs", "Flagged plagiarism pairs not reviewed", unreviewedPairs(all)),
                new Waiting("must-pass", "Must-pass quizzes not passed (students × quizzes)", mustPassMissing(courseId)),
                new Waiting("office-hours", "Students waiting in office hours", waitingInOfficeHours(courseId)));
    }

    /** Counted submissions whose latest run failed (a broken autograder or an environment problem, not a low score). */
    private int failedRuns(List<Assignment> all) {
        return (int) all.stream().filter(a -> a.kind() == Assignment.Kind.NOTEBOOK).flatMap(a -> autograde.overview(a.id()).stream())
                .filter(r -> r.run() != null && r.run().status() == RunStatus.FAILED).count();
    }

    /** Flagged pairs of each assignment's latest finished check that nobody has opened a case on. */
    private int unreviewedPairs(List<Assignment> all) {
        return (int) all.stream().flatMap(a -> plagiarism.results(a.id()).pairs().stream())
                .filter(p -> p.flagged() && p.caseId() == null).map(PairSummary::id).count();
    }

    private int mustPassMissing(long courseId) {
        return attempts.list(courseId).stream().filter(r -> r.quiz().mustPass()).mapToInt(r -> mustPass.mustPass(r.quiz().id()).size()).sum();
    }

    private int waitingInOfficeHours(long courseId) {
        var now = clock.instant();
        return officeHours.sessions(courseId).stream().filter(s -> s.isOpen(now)).mapToInt(s -> officeHours.queue(s.id()).waiting().size()).sum();
    }
}

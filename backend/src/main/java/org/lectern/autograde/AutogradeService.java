package org.lectern.autograde;

import java.util.Map;
import org.lectern.pool.PoolJobs;
import java.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.Autograder;
import org.lectern.assignment.AssignmentService.AutograderVersion;
import org.lectern.assignment.AssignmentService.GradingSetup;
import org.lectern.grading.TestVisibility;
import org.lectern.assignment.PrivateFeedback;
import org.lectern.assignment.Visibility;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.ScoreVisibility;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grading runs and their results, with the visibility rules for students and staff. */
@Service
public class AutogradeService {

    /** One row of the staff's submissions table. */
    public record StaffRow(Submission submission, RunView run) {
    }

    private final RunRepository runs;
    private final GradingQueue queue;
    private final SubmissionService submissions;
    private final AssignmentService assignments;
    private final CourseAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final PoolJobs jobs;

    AutogradeService(RunRepository runs, GradingQueue queue, SubmissionService submissions,
                     AssignmentService assignments, CourseAccess access, AuditLog audit,
                     Clock clock, PoolJobs jobs) {
        this.jobs = jobs;
        this.clock = clock;
        this.runs = runs;
        this.queue = queue;
        this.submissions = submissions;
        this.assignments = assignments;
        this.access = access;
        this.audit = audit;
    }

    /** The latest run of a submission, for its owner or course staff. */
    @Transactional(readOnly = true)
    public RunView results(long submissionId) {
        Submission s = submissions.get(submissionId); // checks owner or staff
        GradingSetup setup = assignments.gradingSetup(s.assignmentId());
        var visibility = new ScoreVisibility(setup.grant().isStaff(), setup.assignment().gradesReleased());
        return view(s, setup, visibility, new HashMap<>());
    }

    @Transactional
    public long rerun(long submissionId) {
        Submission s = submissions.get(submissionId);
        GradingSetup setup = assignments.gradingSetup(s.assignmentId());
        Assignment a = setup.assignment();
        var grant = access.staff(a.courseId());
        var autograder = setup.current().orElseThrow(() -> new InvalidInputException("Upload an autograder first."));
        long run = queue.enqueue(s.id(), autograder.id(), a.courseId(), null);
        audit.record(grant.caller().accountId(), a.courseId(), "grading.rerun", a.shortName() + " submission " + s.id());
        return run;
    }

    /** Re-grades every counted submission (and the reference) with the current autograder, as one batch. */
    @Transactional
    public long regradeAll(long assignmentId) {
        GradingSetup setup = assignments.gradingSetup(assignmentId);
        Assignment a = setup.assignment();
        var grant = access.instructor(a.courseId());
        var autograder = setup.current().orElseThrow(() -> new InvalidInputException("Upload an autograder first."));
        long batch = runs.nextBatchId();
        List<Submission> all = new ArrayList<>(submissions.counted(assignmentId));
        submissions.reference(assignmentId).ifPresent(all::add);
        for (Submission s : all) {
            queue.enqueue(s.id(), autograder.id(), a.courseId(), batch);
        }
        audit.record(grant.caller().accountId(), a.courseId(), "grading.regrade_all", a.shortName() + ": " + all.size() + " runs, batch " + batch);
        return batch;
    }

    /** {done, total} of a re-grade batch. */
    @Transactional(readOnly = true)
    public int[] batchProgress(long assignmentId, long batchId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return runs.batchProgress(batchId);
    }

    /** Staff: every student's counted submission with its latest run. */
    @Transactional(readOnly = true)
    public List<StaffRow> overview(long assignmentId) {
        GradingSetup setup = assignments.gradingSetup(assignmentId);
        access.staff(setup.assignment().courseId());
        Map<Long, Optional<AutograderVersion>> versions = new HashMap<>();
        return submissions.counted(assignmentId).stream()
                .map(s -> new StaffRow(s, view(s, setup, ScoreVisibility.STAFF, versions))).toList();
    }

    /** Staff: the reference solution's latest run, to see whether the autograder gives it full marks. */
    @Transactional(readOnly = true)
    public Optional<StaffRow> reference(long assignmentId) {
        GradingSetup setup = assignments.gradingSetup(assignmentId);
        access.staff(setup.assignment().courseId());
        return submissions.reference(assignmentId).map(s -> new StaffRow(s, view(s, setup, ScoreVisibility.STAFF, new HashMap<>())));
    }

    /**
     * What of a run its viewer sees, by the gradebook's {@link ScoreVisibility}: private results only when released
     * (or staff), and of a failing private test only what the autograder's {@link PrivateFeedback} allows a student.
     */
    private RunView view(Submission s, GradingSetup setup, ScoreVisibility visibility,
                         Map<Long, Optional<AutograderVersion>> versions) {
        Assignment a = setup.assignment();
        boolean privateVisible = visibility.wholeScore();
        var latest = runs.latestFor(s.id());
        if (latest.isEmpty()) {
            var ag = setup.current();
            BigDecimal privPossible = ag.map(g -> g.possible(Visibility.PRIVATE)).orElse(null);
            return RunView.builder().publicPossible(ag.map(g -> g.possible(Visibility.PUBLIC)).orElse(null)).privateVisible(privateVisible)
                    .privatePossible(privPossible)
                    .waitingFor("The autograder is not set up yet: your submission is stored and will be graded when it is.").build();
        }
        GradingRun r = latest.get();
        Optional<AutograderVersion> version = r.autograderId() == null ? Optional.empty()
                : versions.computeIfAbsent(r.autograderId(), id -> assignments.autograderVersion(a.id(), id));
        var autograder = version.map(AutograderVersion::autograder);
        BigDecimal publicPossible = autograder.map(g -> g.possible(Visibility.PUBLIC)).orElse(r.publicPossible());
        BigDecimal privatePossible = autograder.map(g -> g.possible(Visibility.PRIVATE)).orElse(r.privatePossible());
        Map<String, TestVisibility> overrides = version.map(AutograderVersion::testVisibility).orElse(Map.of());
        List<TestResult> all = runs.results(r.id()).stream()
                .map(t -> overrides.containsKey(t.testName()) ? t.narrowedTo(overrides.get(t.testName())) : t).toList();
        boolean pastDue = clock.instant().isAfter(a.dueAt());
        // Tests the viewer may not see yet are left out by name, output and points (ScoreVisibility.testShown);
        // those of a public file still count, as points pending, like a private file's before release.
        List<TestResult> withheld = all.stream()
                .filter(t -> !visibility.testShown(t.shown(), t.visibility() == Visibility.PRIVATE, pastDue)).toList();
        List<TestResult> withheldPublic = withheld.stream().filter(t -> t.visibility() == Visibility.PUBLIC).toList();
        BigDecimal withheldEarned = GradingWorker.sum(withheldPublic, true);
        BigDecimal withheldPossible = GradingWorker.sum(withheldPublic, false);
        List<TestResult> pub = visibility.publicPart() ? all.stream()
                .filter(t -> t.visibility() == Visibility.PUBLIC && !withheld.contains(t)).toList() : List.of();
        PrivateFeedback feedback = autograder.map(Autograder::privateFeedback).orElse(PrivateFeedback.MESSAGE);
        List<TestResult> priv = privateVisible ? all.stream()
                .filter(t -> t.visibility() == Visibility.PRIVATE && !withheld.contains(t))
                .map(t -> visibility.fullPrivateFeedback() ? t : t.withMessage(feedback.shown(t.message(), t.brief()))).toList() : List.of();
        BigDecimal total = null;
        BigDecimal totalPossible = null;
        if (privateVisible && r.status() == RunStatus.DONE) {
            total = nz(r.publicEarned()).add(nz(r.privateEarned()));
            totalPossible = nz(publicPossible).add(nz(privatePossible));
        }
        BigDecimal publicEarned = r.publicDoneAt() == null ? null : r.publicEarned() == null ? null : r.publicEarned().subtract(withheldEarned);
        BigDecimal privateEarned = privateVisible ? (r.privateEarned() == null && withheldPublic.isEmpty() ? null
                : nz(r.privateEarned()).add(withheldEarned)) : null;
        if (!withheldPublic.isEmpty()) {
            publicPossible = nz(publicPossible).subtract(withheldPossible);
            privatePossible = nz(privatePossible).add(withheldPossible);
        }
        String problem = r.problem();
        for (TestResult t : withheld) {
            if (problem != null) {
                problem = problem.replace(t.testName(), "a hidden test");
            }
        }
        Integer position = r.status() == RunStatus.QUEUED ? runs.queuePosition(r.id()) : null;
        List<String> removals = r.removals() == null || r.removals().isBlank() ? List.of() : List.of(r.removals().split("\n"));
        String waiting = switch (r.status()) {
            case QUEUED -> "Queued" + (position == null ? "" : ": " + position + " ahead of you") + "."
                    + noWorkerOffers(setup).map(env -> " No grading worker offers the " + env
                            + " environment this assignment needs; it waits until one does (staff have the worker list).").orElse("");
            case RUNNING -> r.publicDoneAt() == null ? "Running the public tests…" : "Public tests done; running the private tests…";
            default -> null;
        };
        return RunView.builder().runId(r.id()).status(r.status()).queuePosition(position)
                .queuedAt(r.queuedAt()).startedAt(r.startedAt()).finishedAt(r.finishedAt())
                .publicResults(pub).publicEarned(publicEarned).publicPossible(publicPossible)
                .privateVisible(privateVisible).privateResults(priv).privateEarned(privateEarned)
                .privatePossible(privatePossible).total(total).totalPossible(totalPossible)
                .problem(problem).removals(removals).waitingFor(waiting)
                .environment(runs.environment(r.id()).orElse(null)).build();
    }

    /** The assignment's picked environment when no pool node offers it: its runs wait, and people are told why. */
    private Optional<String> noWorkerOffers(GradingSetup setup) {
        return setup.environment().filter(env -> !jobs.anyNodeOffers(env));
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}

package org.lectern.autograde;

import java.util.Map;
import org.lectern.pool.PoolJobs;
import java.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.Autograder;
import org.lectern.assignment.AutograderUpdated;
import org.lectern.assignment.GradingMaterials;
import org.lectern.grading.TestVisibility;
import org.lectern.assignment.PrivateFeedback;
import org.lectern.assignment.Visibility;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.ScoreVisibility;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionMaterials;
import org.lectern.submission.SubmissionChosen;
import org.lectern.submission.SubmissionReceived;
import org.lectern.submission.SubmissionService;
import org.springframework.context.event.EventListener;
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
    private final SubmissionMaterials submissionMaterials;
    private final AssignmentService assignments;
    private final GradingMaterials materials;
    private final CourseAccess access;
    private final AuditLog audit;
    private final AutogradedScores scores;
    private final Clock clock;
    private final PoolJobs jobs;

    AutogradeService(RunRepository runs, GradingQueue queue, SubmissionService submissions, SubmissionMaterials submissionMaterials,
                     AssignmentService assignments, GradingMaterials materials, CourseAccess access, AuditLog audit,
                     AutogradedScores scores, Clock clock, PoolJobs jobs) {
        this.scores = scores;
        this.jobs = jobs;
        this.clock = clock;
        this.runs = runs;
        this.queue = queue;
        this.submissions = submissions;
        this.submissionMaterials = submissionMaterials;
        this.assignments = assignments;
        this.materials = materials;
        this.access = access;
        this.audit = audit;
    }

    /** The latest run of a submission, for its owner or course staff. */
    @Transactional(readOnly = true)
    public RunView results(long submissionId) {
        Submission s = submissions.get(submissionId); // checks owner or staff
        Assignment a = assignments.get(s.assignmentId());
        var grant = access.member(a.courseId());
        return view(s, a, new ScoreVisibility(grant.isStaff(), a.gradesReleased()));
    }

    @Transactional
    public long rerun(long submissionId) {
        Submission s = submissions.get(submissionId);
        Assignment a = assignments.get(s.assignmentId());
        var grant = access.staff(a.courseId());
        var autograder = materials.currentAutograder(a.id())
                .orElseThrow(() -> new InvalidInputException("Upload an autograder first."));
        long run = queue.enqueue(s.id(), autograder.id(), a.courseId(), null);
        audit.record(grant.caller().accountId(), a.courseId(), "grading.rerun", a.shortName() + " submission " + s.id());
        return run;
    }

    /** Re-grades every counted submission (and the reference) with the current autograder, as one batch. */
    @Transactional
    public long regradeAll(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        var grant = access.instructor(a.courseId());
        var autograder = materials.currentAutograder(a.id())
                .orElseThrow(() -> new InvalidInputException("Upload an autograder first."));
        long batch = runs.nextBatchId();
        List<Submission> all = new ArrayList<>(submissionMaterials.counted(assignmentId));
        submissionMaterials.latestReference(assignmentId).ifPresent(all::add);
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
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return submissions.counted(assignmentId).stream().map(s -> new StaffRow(s, view(s, a, ScoreVisibility.STAFF))).toList();
    }

    /** Staff: the reference solution's latest run, to see whether the autograder gives it full marks. */
    @Transactional(readOnly = true)
    public Optional<StaffRow> reference(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return submissions.reference(assignmentId).map(s -> new StaffRow(s, view(s, a, ScoreVisibility.STAFF)));
    }

    @EventListener
    void onSubmission(SubmissionReceived e) {
        var autograder = materials.currentAutograder(e.assignmentId());
        autograder.ifPresent(ag -> queue.enqueue(e.submissionId(), ag.id(), e.courseId(), null));
        boolean model = materials.assignment(e.assignmentId()).map(a -> a.kind() == Assignment.Kind.MODEL).orElse(false);
        if (autograder.isEmpty() && !model) {
            // stored, not graded yet: it counts for late days now (queueing reports, and models report themselves)
            scores.reportSubmission(e.submissionId());
        }
    }

    /**
     * A version chosen to count is graded if it never was: its run may have been superseded by a newer version
     * while it waited (see {@link GradingQueue}).
     */
    @EventListener
    void onChosen(SubmissionChosen e) {
        boolean graded = runs.latestFor(e.submissionId()).map(r -> r.status() != RunStatus.SUPERSEDED).orElse(false);
        if (!graded) {
            materials.currentAutograder(e.assignmentId())
                    .ifPresent(ag -> queue.enqueue(e.submissionId(), ag.id(), e.courseId(), null));
        }
        scores.reportSubmission(e.submissionId());
    }

    /** A new autograder grades the reference at once, and any submission that never had a run. */
    @EventListener
    void onAutograder(AutograderUpdated e) {
        submissionMaterials.latestReference(e.assignmentId())
                .ifPresent(ref -> queue.enqueue(ref.id(), e.autograderId(), e.courseId(), null));
        for (Submission s : submissionMaterials.counted(e.assignmentId())) {
            if (!runs.hasRun(s.id())) {
                queue.enqueue(s.id(), e.autograderId(), e.courseId(), null);
            }
        }
    }

    /**
     * What of a run its viewer sees, by the gradebook's {@link ScoreVisibility}: private results only when released
     * (or staff), and of a failing private test only what the autograder's {@link PrivateFeedback} allows a student.
     */
    private RunView view(Submission s, Assignment a, ScoreVisibility visibility) {
        boolean privateVisible = visibility.wholeScore();
        var latest = runs.latestFor(s.id());
        if (latest.isEmpty()) {
            var ag = materials.currentAutograder(a.id());
            BigDecimal privPossible = ag.map(g -> g.possible(Visibility.PRIVATE)).orElse(null);
            return RunView.builder().publicPossible(ag.map(g -> g.possible(Visibility.PUBLIC)).orElse(null)).privateVisible(privateVisible)
                    .privatePossible(privPossible)
                    .waitingFor("The autograder is not set up yet: your submission is stored and will be graded when it is.").build();
        }
        GradingRun r = latest.get();
        var autograder = r.autograderId() == null ? Optional.<Autograder>empty() : materials.autograder(r.autograderId());
        BigDecimal publicPossible = autograder.map(g -> g.possible(Visibility.PUBLIC)).orElse(r.publicPossible());
        BigDecimal privatePossible = autograder.map(g -> g.possible(Visibility.PRIVATE)).orElse(r.privatePossible());
        Map<String, TestVisibility> overrides = r.autograderId() == null ? Map.of()
                : materials.testVisibility(r.autograderId());
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
                    + noWorkerOffers(a.id()).map(env -> " No grading worker offers the " + env
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
    private Optional<String> noWorkerOffers(long assignmentId) {
        return materials.environment(assignmentId).filter(env -> !jobs.anyNodeOffers(env));
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}

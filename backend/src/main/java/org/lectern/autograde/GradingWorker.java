package org.lectern.autograde;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.GradingMaterials;
import org.lectern.assignment.Visibility;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.grading.JobFolder;
import org.lectern.notebooks.NotebookFormatException;
import org.lectern.platform.StaffWorkChanged;
import org.lectern.pool.UnfitWorkerException;
import org.lectern.pool.WorkerCapabilities;
import org.lectern.submission.StoredFile;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionMaterials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grades one run: public tests first (their results are saved and visible as soon as they are in),
 * then private tests in a separate sandbox, so student code never shares a folder with a private
 * test during the public run. Each group is saved in its own transaction; the run ends once.
 */
@Component
class GradingWorker {

    private static final Logger log = LoggerFactory.getLogger(GradingWorker.class);

    private final RunRepository runs;
    private final GradingMaterials materials;
    private final SubmissionMaterials submissions;
    private final TestRunner runner;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WorkerCapabilities capabilities;
    private final AutogradedScores scores;
    private final ApplicationEventPublisher events;

    GradingWorker(RunRepository runs, GradingMaterials materials, SubmissionMaterials submissions, TestRunner runner,
                  TransactionTemplate tx, Clock clock, WorkerCapabilities capabilities, AutogradedScores scores,
                  ApplicationEventPublisher events) {
        this.events = events;
        this.scores = scores;
        this.capabilities = capabilities;
        this.runs = runs;
        this.materials = materials;
        this.submissions = submissions;
        this.runner = runner;
        this.tx = tx;
        this.clock = clock;
    }

    void grade(long runId, String worker) {
        // A node without a working sandbox does not claim grading jobs; should its sandbox break after start, the
        // job goes back to the queue for another node instead of failing.
        String unavailable = runner.unavailableReason();
        if (unavailable != null) {
            throw new UnfitWorkerException("this node cannot grade: " + unavailable);
        }
        GradingRun run = tx.execute(s -> {
            GradingRun r = runs.lockForWork(runId).orElse(null);
            if (r == null || (r.status() != RunStatus.QUEUED && r.status() != RunStatus.RUNNING)) {
                return null; // already finished (or superseded): record nothing twice
            }
            runs.markRunning(runId, worker, clock.instant());
            return r;
        });
        if (run == null) {
            return;
        }
        Submission submission = submissions.submission(run.submissionId()).orElseThrow();
        Assignment assignment = materials.assignment(submission.assignmentId()).orElseThrow();
        Set<String> missing = capabilities.missing(assignment.packages());
        if (!missing.isEmpty()) {
            tx.executeWithoutResult(s -> runs.requeue(runId));
            throw new UnfitWorkerException("this node lacks the Python packages " + String.join(", ", missing));
        }
        String environment = capabilities.environment(assignment.packages());
        tx.executeWithoutResult(s -> runs.setEnvironment(runId, environment));
        List<StoredFile> files = submissions.files(submission.id());
        List<String> problems = new ArrayList<>();
        var support = materials.supportFiles(run.autograderId());
        for (Visibility v : Visibility.values()) {
            var tests = materials.tests(run.autograderId(), v);
            if (tests.isEmpty()) {
                continue;
            }
            if (runs.byId(runId).map(r -> r.status() != RunStatus.RUNNING).orElse(true)) {
                log.info("Run {} was ended meanwhile (its worker was given up on); not running its other tests", runId);
                return;
            }
            Path dir = null;
            try {
                dir = Files.createTempDirectory("lectern-run-" + runId + "-" + v.name().toLowerCase() + "-");
                StudentCode.Layout layout = StudentCode.write(files, dir);
                if (v == Visibility.PUBLIC) {
                    tx.executeWithoutResult(s -> runs.setRemovals(runId, String.join("\n", layout.removals())));
                }
                GroupOutcome outcome = runner.run(dir, v, tests, support, assignment.limits());
                tx.executeWithoutResult(s -> runs.saveGroup(runId, v, outcome.results(), outcome.earned(), outcome.possible(),
                        outcome.log(), clock.instant()));
                // Only the public run's problem goes on the run: a private run's could describe a private test.
                if (v == Visibility.PUBLIC && outcome.problem() != null) {
                    problems.add(outcome.problem());
                }
            } catch (NotebookFormatException e) {
                finish(runId, RunStatus.DONE, "The notebook could not be read: " + e.getMessage());
                return;
            } catch (IOException e) {
                throw new IllegalStateException("Could not prepare the grading folder", e);
            } finally {
                JobFolder.delete(dir);
            }
        }
        finish(runId, RunStatus.DONE, problems.isEmpty() ? null : String.join(" ", problems));
    }

    /** Called when the job has failed for good (infrastructure, not student code). */
    void giveUp(long runId, String reason) {
        finish(runId, RunStatus.FAILED, reason);
    }

    private void finish(long runId, RunStatus status, String problem) {
        Boolean first = tx.execute(s -> {
            boolean ended = runs.finish(runId, status, problem, clock.instant());
            if (ended) {
                runs.byId(runId).ifPresent(r -> {
                    scores.reportSubmission(r.submissionId());
                    if (status == RunStatus.FAILED) {
                        // A failed run waits for staff (the dashboard's "failed runs"), whether or not a student's score
                        // report follows it (a team version whose maker left the team has none): say so in this transaction.
                        events.publishEvent(new StaffWorkChanged(r.courseId()));
                    }
                });
            }
            return ended;
        });
        if (!Boolean.TRUE.equals(first)) {
            log.info("Run {} was already finished; this attempt's result is discarded", runId);
        }
    }

    static BigDecimal sum(List<TestResult> results, boolean earned) {
        return results.stream().map(r -> earned ? r.earned() : r.possible()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

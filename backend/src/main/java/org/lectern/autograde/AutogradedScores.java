package org.lectern.autograde;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.GradingMaterials;
import org.lectern.autograde.internal.ModelRunRepository;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.gradebook.ScoreReported;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionMaterials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports autograded assignments to the gradebook as work-kind {@link ScoreReported}: per student, the counted
 * version's submission time with its score, a notebook's latest run total, a model's share of the points its private
 * metric earned (null while not graded); a team's counted version is reported for each of its members. Called in the transaction of every change that can alter that: a new or
 * chosen version, a run queued or ended, a model task's scale. Each report recomputes the student's whole state
 * under a lock per student and assignment, so reports that race never leave an older state behind.
 */
@Component
class AutogradedScores {

    static final String SOURCE = "autograde";
    private static final Logger log = LoggerFactory.getLogger(AutogradedScores.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunRepository runs;
    private final ModelRunRepository modelRuns;
    private final SubmissionMaterials submissions;
    private final GradingMaterials materials;
    private final ApplicationEventPublisher events;

    AutogradedScores(RunRepository runs, ModelRunRepository modelRuns, SubmissionMaterials submissions, GradingMaterials materials,
                     ApplicationEventPublisher events) {
        this.runs = runs;
        this.modelRuns = modelRuns;
        this.submissions = submissions;
        this.materials = materials;
        this.events = events;
    }

    /** Reports the student who made this submission (nothing for a reference solution: it never counts). */
    @Transactional
    public void reportSubmission(long submissionId) {
        submissions.submission(submissionId).filter(s -> !s.reference())
                .ifPresent(s -> report(s.assignmentId(), s.accountId()));
    }

    /** Reports one student's counted version of the assignment, if they submitted. */
    @Transactional
    public void report(long assignmentId, long accountId) {
        runs.lockScoreReport(assignmentId, accountId);
        Assignment a = materials.assignment(assignmentId).orElseThrow();
        submissions.counted(assignmentId, accountId).ifPresent(s -> publish(a, List.of(s)));
    }

    /** Reports every student of the assignment (its scale changed). */
    @Transactional
    public void reportAll(long assignmentId) {
        Assignment a = materials.assignment(assignmentId).orElseThrow();
        List<Submission> counted = submissions.counted(assignmentId);
        counted.forEach(s -> runs.lockScoreReport(assignmentId, s.accountId()));
        publish(a, counted);
    }

    /** Work graded before scores were reported is reported once, by the first node to start after that change. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void reportOnceAfterUpgrade() {
        if (runs.takeScoreBackfill()) {
            List<Long> assignments = runs.assignmentsWithSubmissions();
            assignments.forEach(this::reportAll);
            log.info("Reported the autograded scores of {} assignments to the gradebook", assignments.size());
        }
    }

    private void publish(Assignment a, List<Submission> counted) {
        Map<Long, Graded> graded = switch (a.kind()) {
            case MODEL -> modelScores(a.id(), counted);
            case NOTEBOOK -> notebookScores(counted);
        };
        for (Submission s : counted) {
            Graded g = graded.getOrDefault(s.id(), Graded.NOT_YET);
            // a team's version is every member's work (and lateness)
            for (long member : submissions.countsFor(s)) {
                events.publishEvent(ScoreReported.work(a.courseId(), a.shortName(), member,
                        new ScoreReported.Work(a.id(), s.submittedAt(), g.possible(), s.teamId()), g.score(), SOURCE));
            }
        }
    }

    private record Graded(BigDecimal score, BigDecimal possible) {
        static final Graded NOT_YET = new Graded(null, null);
    }

    /** By submission: the latest run's total, once DONE. */
    private Map<Long, Graded> notebookScores(List<Submission> counted) {
        Map<Long, RunRepository.Totals> totals = runs.latestTotals(counted.stream().map(Submission::id).toList());
        Map<Long, Graded> out = new HashMap<>();
        totals.forEach((id, t) -> {
            if (t.status() == RunStatus.DONE) {
                out.put(id, new Graded(nz(t.publicEarned()).add(nz(t.privateEarned())), nz(t.publicPossible()).add(nz(t.privatePossible()))));
            }
        });
        return out;
    }

    /** By submission: the share of the points the model earned on the private split (DONE runs), zero for an invalid model. */
    private Map<Long, Graded> modelScores(long assignmentId, List<Submission> counted) {
        Map<Long, Graded> out = new HashMap<>();
        Optional<ModelRunRepository.Task> task = modelRuns.task(assignmentId);
        if (task.isEmpty()) {
            return out; // no task yet: the versions count for late days, but nothing is graded
        }
        ModelTaskDraft d = JSON.readValue(task.get().spec(), ModelTaskDraft.class);
        modelRuns.latestFor(counted.stream().map(Submission::id).toList()).forEach((id, r) -> {
            Double value = r.state().equals("DONE") ? (r.privateScore() != null ? r.privateScore() : r.publicScore()) : null;
            if (value != null) {
                out.put(id, new Graded(d.fraction(value), BigDecimal.ONE));
            } else if (r.state().equals("INVALID")) {
                out.put(id, new Graded(BigDecimal.ZERO, BigDecimal.ONE));
            }
        });
        return out;
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}

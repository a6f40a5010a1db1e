package org.lectern.autograde;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.assignment.Assignment;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.gradebook.CountedScores;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionMaterials;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gradebook's {@link CountedScores} for both kinds of autograded assignment: a notebook's counted version
 * with its latest run's total, a model's with the share of the points its private metric earned. The gradebook
 * applies its own role checks and release rules; nothing else may use it (ArchitectureTest).
 */
@Component
class AutogradedScores implements CountedScores {

    private final RunRepository runs;
    private final ModelAssignmentService models;
    private final SubmissionMaterials submissions;

    AutogradedScores(RunRepository runs, ModelAssignmentService models, SubmissionMaterials submissions) {
        this.runs = runs;
        this.models = models;
        this.submissions = submissions;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Counted> forAssignment(Assignment assignment) {
        return switch (assignment.kind()) {
            case MODEL -> models.scores(assignment.id());
            case NOTEBOOK -> notebookScores(assignment.id());
        };
    }

    private Map<Long, Counted> notebookScores(long assignmentId) {
        List<Submission> counted = submissions.counted(assignmentId);
        Map<Long, RunRepository.Totals> totals = runs.latestTotals(counted.stream().map(Submission::id).toList());
        Map<Long, Counted> out = new HashMap<>();
        for (Submission s : counted) {
            RunRepository.Totals t = totals.get(s.id());
            boolean done = t != null && t.status() == RunStatus.DONE;
            out.put(s.accountId(), new Counted(s.submittedAt(),
                    done ? nz(t.publicEarned()).add(nz(t.privateEarned())) : null,
                    done ? nz(t.publicPossible()).add(nz(t.privatePossible())) : null));
        }
        return out;
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}

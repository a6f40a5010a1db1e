package org.lectern.autograde;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.lectern.autograde.internal.RunRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each student's counted submission and its autograder total, for the gradebook, which applies its
 * own role checks and release rules. Only the gradebook may use it (ArchitectureTest).
 */
@Component
public class AutogradedScores {

    /** When the counted version was submitted, and its total once graded (null while not). */
    public record Scored(Instant submittedAt, BigDecimal total, BigDecimal possible) {
    }

    private final RunRepository runs;
    private final ModelAssignmentService models;

    AutogradedScores(RunRepository runs, ModelAssignmentService models) {
        this.runs = runs;
        this.models = models;
    }

    @Transactional(readOnly = true)
    public Map<Long, Scored> forAssignment(long assignmentId) {
        Map<Long, Scored> modelScores = models.scores(assignmentId);
        if (!modelScores.isEmpty()) {
            return modelScores; // a model assignment: the share of its points the private metric earned
        }
        Map<Long, Scored> out = new HashMap<>();
        for (Object[] row : runs.countedTotals(assignmentId)) {
            boolean done = RunStatus.DONE.name().equals(row[2]);
            out.put((Long) row[0], new Scored((Instant) row[1],
                    done ? nz((BigDecimal) row[3]).add(nz((BigDecimal) row[4])) : null,
                    done ? nz((BigDecimal) row[5]).add(nz((BigDecimal) row[6])) : null));
        }
        return out;
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}

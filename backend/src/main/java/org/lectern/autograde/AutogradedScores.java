package org.lectern.autograde;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionMaterials;
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

    private final SubmissionMaterials submissions;
    private final RunRepository runs;

    AutogradedScores(SubmissionMaterials submissions, RunRepository runs) {
        this.submissions = submissions;
        this.runs = runs;
    }

    @Transactional(readOnly = true)
    public Map<Long, Scored> forAssignment(long assignmentId) {
        Map<Long, Scored> out = new HashMap<>();
        for (Submission s : submissions.counted(assignmentId)) {
            var done = runs.latestFor(s.id()).filter(r -> r.status() == RunStatus.DONE);
            out.put(s.accountId(), new Scored(s.submittedAt(),
                    done.map(r -> nz(r.publicEarned()).add(nz(r.privateEarned()))).orElse(null),
                    done.map(r -> nz(r.publicPossible()).add(nz(r.privatePossible()))).orElse(null)));
        }
        return out;
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}

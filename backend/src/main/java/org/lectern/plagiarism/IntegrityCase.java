package org.lectern.plagiarism;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A TA's judgement of a pair (keyed by its two parties, so it survives re-runs) and, once confirmed, the
 * instructor's decision.
 *
 * @param decisionScore the score the decision set in the gradebook for the students involved, if any
 */
public record IntegrityCase(long id, long assignmentId, long courseId, String partyA, String partyB, String labelA, String labelB,
                            CaseStatus status, String notes, String markedBy, Instant markedAt, String decision,
                            BigDecimal decisionScore, String decidedBy, Instant decidedAt) {

    public boolean decided() {
        return decidedAt != null;
    }
}

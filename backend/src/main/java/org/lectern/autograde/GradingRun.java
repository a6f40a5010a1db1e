package org.lectern.autograde;

import java.math.BigDecimal;
import java.time.Instant;

/** A grading run as stored (no visibility rules applied: see {@link RunView}). */
public record GradingRun(long id, long submissionId, Long autograderId, long courseId, Long batchId, RunStatus status,
                         Instant queuedAt, Instant startedAt, Instant publicDoneAt, Instant finishedAt, int attempts,
                         BigDecimal publicEarned, BigDecimal publicPossible, BigDecimal privateEarned,
                         BigDecimal privatePossible, String problem, String publicLog, String privateLog, String removals) {
}

package org.lectern.paper;

import java.math.BigDecimal;
import java.time.Instant;

/** A student's review of a paper, its days late, and its grade once given (score null until then). */
public record Review(long paperId, long accountId, String name, String summary, String strengths, String weaknesses,
        String suggestions, String questions, Instant submittedAt, int daysLate, BigDecimal score, String comment) {
}

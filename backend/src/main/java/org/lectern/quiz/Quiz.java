package org.lectern.quiz;

import java.math.BigDecimal;
import java.time.Instant;

/** A quiz's settings, without its questions: what anyone in the course may see. */
public record Quiz(long id, long courseId, String shortName, String title, Instant openAt, Instant closeAt, Integer timeLimitMinutes,
                   BigDecimal points, String category, BigDecimal mustPassPercent, boolean allowReview, boolean shuffle,
                   int maxAttempts, int questionCount) {

    public boolean mustPass() {
        return mustPassPercent != null;
    }

    public QuizClock.Window window(Instant now) {
        return QuizClock.window(openAt, closeAt, now);
    }
}

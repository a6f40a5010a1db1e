package org.lectern.quiz;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One student's attempt at a quiz. The deadline is fixed when it starts ({@link QuizClock#deadline});
 * the score is set when it finishes (submitted, or expired at its deadline) and again whenever a TA
 * grades a pending answer.
 */
public record Attempt(long id, long quizId, long accountId, int number, long seed, Instant startedAt, Instant deadline, State state,
                      Instant finishedAt, BigDecimal score, BigDecimal possible, int pending) {

    public enum State { OPEN, SUBMITTED, EXPIRED }

    public boolean finished() {
        return state != State.OPEN;
    }
}

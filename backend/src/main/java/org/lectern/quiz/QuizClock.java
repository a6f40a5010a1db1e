package org.lectern.quiz;

import java.time.Duration;
import java.time.Instant;

/**
 * The quiz timer, decided on the server. An attempt's deadline is fixed when it starts:
 * min(start + time limit, the window's close); reloading or opening a second tab resumes the same
 * attempt and so the same deadline. An answer counts only if it arrives strictly before the deadline.
 * Pure: the caller passes the current instant (from the injected {@link java.time.Clock}).
 */
public final class QuizClock {

    private QuizClock() {
    }

    /** Where the quiz's window stands at an instant. */
    public enum Window { NOT_YET_OPEN, OPEN, CLOSED }

    public static Window window(Instant openAt, Instant closeAt, Instant now) {
        if (now.isBefore(openAt)) {
            return Window.NOT_YET_OPEN;
        }
        return now.isBefore(closeAt) ? Window.OPEN : Window.CLOSED;
    }

    /** The deadline of an attempt started at {@code startedAt}; no time limit (null) means the window's close. */
    public static Instant deadline(Instant startedAt, Integer timeLimitMinutes, Instant closeAt) {
        if (timeLimitMinutes == null) {
            return closeAt;
        }
        Instant byLimit = startedAt.plus(Duration.ofMinutes(timeLimitMinutes));
        return byLimit.isBefore(closeAt) ? byLimit : closeAt;
    }

    /** Time left until the deadline, never negative. */
    public static Duration remaining(Instant deadline, Instant now) {
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether an answer (or a submission) arriving at {@code now} still counts. */
    public static boolean accepts(Instant deadline, Instant now) {
        return now.isBefore(deadline);
    }
}

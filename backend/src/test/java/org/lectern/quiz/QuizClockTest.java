package org.lectern.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuizClockTest {

    static Instant at(String hhmmss) {
        return Instant.parse("2024-01-19T" + hhmmss + "Z");
    }

    @ParameterizedTest(name = "started {0}, limit {1} min, closes {2} -> deadline {3}")
    @CsvSource(nullValues = "none", value = {
            "09:30:00, 10,   13:30:00, 09:40:00",   // the limit ends first
            "13:25:00, 10,   13:30:00, 13:30:00",   // the window closes first: a late start gets less time
            "13:20:00, 10,   13:30:00, 13:30:00",   // both at once
            "09:30:00, none, 13:30:00, 13:30:00",   // no limit: the whole window
            "09:30:17, 1,    13:30:00, 09:31:17",   // seconds are kept
    })
    void theDeadlineIsTheEarlierOfTheLimitAndTheClose(String started, Integer limit, String close, String deadline) {
        assertThat(QuizClock.deadline(at(started), limit, at(close))).isEqualTo(at(deadline));
    }

    @ParameterizedTest(name = "deadline {0}, now {1}: accepted {2}, {3} s left")
    @CsvSource({
            "09:40:00, 09:30:00, true,  600",
            "09:40:00, 09:39:59, true,  1",
            "09:40:00, 09:40:00, false, 0",    // at the deadline itself: too late
            "09:40:00, 09:40:01, false, 0",    // never negative
            "09:40:00, 10:40:00, false, 0",
    })
    void answersCountOnlyBeforeTheDeadline(String deadline, String now, boolean accepted, long secondsLeft) {
        assertThat(QuizClock.accepts(at(deadline), at(now))).isEqualTo(accepted);
        assertThat(QuizClock.remaining(at(deadline), at(now))).isEqualTo(Duration.ofSeconds(secondsLeft));
    }

    @ParameterizedTest(name = "open {0}, close {1}, now {2} -> {3}")
    @CsvSource({
            "09:30:00, 13:30:00, 09:29:59, NOT_YET_OPEN",
            "09:30:00, 13:30:00, 09:30:00, OPEN",
            "09:30:00, 13:30:00, 13:29:59, OPEN",
            "09:30:00, 13:30:00, 13:30:00, CLOSED",
    })
    void theWindow(String open, String close, String now, QuizClock.Window expected) {
        assertThat(QuizClock.window(at(open), at(close), at(now))).isEqualTo(expected);
    }
}

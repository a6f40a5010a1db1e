package org.lectern.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollClockTest {

    static final Instant START = Instant.parse("2026-01-13T18:00:00Z");

    @ParameterizedTest(name = "{0} after {1}s: accepts {2}, {3}s left")
    @CsvSource({
            // phase, seconds since the phase began, vote taken, seconds left (think 90 s, group 180 s)
            "THINK,   0,    true,  90",
            "THINK,   89.5, true,  1",
            "THINK,   90,   true,  0",
            "THINK,   93,   true,  0",   // within the 3 s grace
            "THINK,   93.5, false, 0",
            "GROUP,   150,  true,  30",
            "GROUP,   184,  false, 0",
            "REVEAL,  1,    false, 0",
            "DRAFT,   0,    false, 0",
            "CLOSED,  0,    false, 0",
            "THINK,   -1,   false, 91",  // a clock behind the phase start takes nothing
    })
    void roundTimer(PollPhase phase, double after, boolean accepts, long left) {
        Instant now = START.plusMillis((long) (after * 1000));
        assertThat(PollClock.acceptsVote(phase, START, 90, 180, now)).isEqualTo(accepts);
        assertThat(PollClock.secondsLeft(phase, START, 90, 180, now)).isEqualTo(left);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "DRAFT, THINK, true", "THINK, GROUP, true", "GROUP, REVEAL, true", "THINK, REVEAL, true", "REVEAL, CLOSED, true",
            "DRAFT, GROUP, false", "GROUP, THINK, false", "REVEAL, THINK, false", "CLOSED, REVEAL, false", "THINK, THINK, false",
            "DRAFT, CLOSED, true",
    })
    void phasesOnlyMoveForward(PollPhase from, PollPhase to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }
}

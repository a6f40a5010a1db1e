package org.lectern.poll;

import java.time.Duration;
import java.time.Instant;

/**
 * A voting round's timer. The timer is the room's cue, and a vote that left a phone as it ran out
 * should still count, so votes are taken for a short grace after it; after that the round is over
 * until staff move on.
 */
public final class PollClock {

    /** Covers a phone's network delay, not a second thought. */
    public static final Duration GRACE = Duration.ofSeconds(3);

    private PollClock() {
    }

    public static Instant roundEndsAt(PollPhase phase, Instant phaseStartedAt, int thinkSeconds, int groupSeconds) {
        return switch (phase) {
            case THINK -> phaseStartedAt.plusSeconds(thinkSeconds);
            case GROUP -> phaseStartedAt.plusSeconds(groupSeconds);
            default -> null;
        };
    }

    /** Whether a vote arriving at {@code now} is taken. */
    public static boolean acceptsVote(PollPhase phase, Instant phaseStartedAt, int thinkSeconds, int groupSeconds, Instant now) {
        Instant end = roundEndsAt(phase, phaseStartedAt, thinkSeconds, groupSeconds);
        return end != null && !now.isBefore(phaseStartedAt) && !now.isAfter(end.plus(GRACE));
    }

    /** Whole seconds left on the round's timer, never negative; 0 outside a voting round. */
    public static long secondsLeft(PollPhase phase, Instant phaseStartedAt, int thinkSeconds, int groupSeconds, Instant now) {
        Instant end = roundEndsAt(phase, phaseStartedAt, thinkSeconds, groupSeconds);
        if (end == null || now.isAfter(end)) {
            return 0;
        }
        return (Duration.between(now, end).toMillis() + 999) / 1000;
    }
}

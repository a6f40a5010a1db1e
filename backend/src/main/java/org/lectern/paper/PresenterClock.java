package org.lectern.paper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The presenter's timer, one role at a time: started (running since an instant with some time left) or paused (time
 * left kept). Time left goes below zero when a role runs over, so the projector can show the overrun. Pure: the
 * service stores the state, browsers count down from {@link #leftMillis} at the instant of each push.
 */
public record PresenterClock(int position, Instant runningSince, long remainingMillis) {

    /** The first moment of a role: its full time, running. */
    public static PresenterClock start(PaperRole role, Instant now) {
        return new PresenterClock(role.position(), now, Duration.ofMinutes(role.minutes()).toMillis());
    }

    public boolean running() {
        return runningSince != null;
    }

    /** Milliseconds left at {@code now}; negative once the role runs over. */
    public long leftMillis(Instant now) {
        return running() ? remainingMillis - Duration.between(runningSince, now).toMillis() : remainingMillis;
    }

    public PresenterClock pause(Instant now) {
        return running() ? new PresenterClock(position, null, Math.max(0, leftMillis(now))) : this;
    }

    public PresenterClock resume(Instant now) {
        return running() ? this : new PresenterClock(position, now, remainingMillis);
    }

    /** The next role, from its full time; empty after the last one. */
    public Optional<PresenterClock> next(List<PaperRole> roles, Instant now) {
        return roles.stream().filter(r -> r.position() > position).findFirst().map(r -> start(r, now));
    }
}

package org.lectern.poll;

import java.time.Instant;
import java.util.List;

/** A poll as staff see it; students get a {@link PollSnapshot} that leaves out what they may not see yet. */
public record Poll(long id, long courseId, Long lectureId, String code, String question, PollKind kind, List<String> options,
                   String correct, String generatorKey, int thinkSeconds, int groupSeconds, PollPhase phase,
                   Instant phaseStartedAt) {

    public Instant roundEndsAt() {
        return phaseStartedAt == null ? null : PollClock.roundEndsAt(phase, phaseStartedAt, thinkSeconds, groupSeconds);
    }
}

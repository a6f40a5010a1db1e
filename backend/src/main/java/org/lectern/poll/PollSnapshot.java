package org.lectern.poll;

import java.time.Instant;
import java.util.List;

/**
 * One moment of a poll for one viewer. Students see the bars and the answer only once it is revealed
 * (seeing the room's votes first would steer their own); staff see them live.
 *
 * @param myVotes the viewer's own answers per round (index 0: round 1), null where they did not vote
 */
public record PollSnapshot(long pollId, long courseId, String code, String question, PollKind kind, List<String> options,
                           PollPhase phase, Instant roundEndsAt, long secondsLeft, boolean staff, List<PollTally.Bar> round1,
                           List<PollTally.Bar> round2, int votes1, int votes2, String correct, List<String> myVotes) {
}

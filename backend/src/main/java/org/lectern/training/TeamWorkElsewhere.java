package org.lectern.training;

import java.time.Instant;

/**
 * Worker time a team spends outside the playground (its workspace's notebook runs), which the team's weekly quota counts
 * beside its training runs. Implemented by the feature that runs that work, so the quota has one home here without this
 * feature depending on it.
 */
public interface TeamWorkElsewhere {

    /** Ended work's measured seconds and the estimates held by queued or running work. */
    record Use(double chargedSeconds, long heldSeconds) {
    }

    /** The team's use since {@code since} (the week's start). */
    Use use(long teamId, Instant since);
}

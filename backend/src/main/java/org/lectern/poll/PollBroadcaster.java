package org.lectern.poll;

import javax.sql.DataSource;
import org.lectern.platform.Broadcaster;
import org.lectern.platform.LiveChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tells live views that a poll changed (a vote, a phase), through {@link Broadcaster}: votes and phase changes commit a
 * NOTIFY on {@value #CHANNEL} ("42" after a vote, "42:phase" after a phase change), so a projector on one replica
 * follows phones on another. Phones follow phases only (hundreds of them must not redraw on every vote); projectors
 * follow votes too. Each subscriber hears at most once per {@link #FLUSH_MILLIS} and key, so a burst of 500 votes costs
 * the projector a few redraws, not 500.
 */
@Component
@ConditionalOnWebApplication
public class PollBroadcaster extends LiveChannel<String> {

    static final String CHANNEL = "lectern_poll";
    static final long FLUSH_MILLIS = 100;
    private static final String PHASE = ":phase";

    PollBroadcaster(DataSource dataSource) {
        super(dataSource, CHANNEL, PollBroadcaster::key, FLUSH_MILLIS);
    }

    /** A payload's key: the poll id and what changed; anything else is not a key. */
    private static String key(String payload) {
        boolean phase = payload.endsWith(PHASE);
        long pollId = Long.parseLong(phase ? payload.substring(0, payload.length() - PHASE.length()) : payload);
        return phase ? pollId + PHASE : Long.toString(pollId);
    }

    /** {@code onChange} runs on a background thread; views follow through {@code ui.LiveUpdates}. */
    public Broadcaster.Subscription subscribe(long pollId, boolean votesToo, Runnable onChange) {
        Broadcaster.Subscription phases = broadcaster.subscribe(pollId + PHASE, onChange);
        if (!votesToo) {
            return phases;
        }
        Broadcaster.Subscription votes = broadcaster.subscribe(Long.toString(pollId), onChange);
        return () -> {
            phases.close();
            votes.close();
        };
    }

    /** Views following the poll (every view follows its phases). */
    public int subscribers(long pollId) {
        return broadcaster.subscribers(pollId + PHASE);
    }
}

package org.lectern.poll;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.lectern.platform.PgChannelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells live views that a poll changed (a vote, a phase). Votes commit a PostgreSQL NOTIFY; every app
 * replica LISTENs, so a projector on one replica follows phones on another (sticky sessions pin
 * browsers, not polls). Changes are coalesced: each subscriber hears at most once per
 * {@link #FLUSH_MILLIS}, so a burst of 500 votes costs the projector a few redraws, not 500.
 */
@Component
@ConditionalOnWebApplication
public class PollBroadcaster implements SmartLifecycle {

    static final long FLUSH_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(PollBroadcaster.class);

    /** A live view's hook; close it when the view detaches. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** A live view: phones follow phases only (hundreds of them must not redraw on every vote); projectors follow votes too. */
    private record Listener(Runnable onChange, boolean votesToo) {
    }

    private final Map<Long, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final Set<Long> votesChanged = ConcurrentHashMap.newKeySet();
    private final Set<Long> phaseChanged = ConcurrentHashMap.newKeySet();
    private final PgChannelListener notifications;

    PollBroadcaster(DataSource dataSource) {
        // After a lost connection every followed poll redraws once: a re-listen and the views' own reload recover the rest.
        this.notifications = new PgChannelListener(dataSource, "lectern_poll", this::changed, () -> listeners.keySet().forEach(phaseChanged::add));
    }

    /** {@code onChange} runs on a background thread; views hand it to {@code UI.access}. */
    public Subscription subscribe(long pollId, boolean votesToo, Runnable onChange) {
        Listener l = new Listener(onChange, votesToo);
        listeners.computeIfAbsent(pollId, k -> new CopyOnWriteArraySet<>()).add(l);
        return () -> listeners.computeIfPresent(pollId, (k, set) -> {
            set.remove(l);
            return set.isEmpty() ? null : set;
        });
    }

    public int subscribers(long pollId) {
        Set<Listener> set = listeners.get(pollId);
        return set == null ? 0 : set.size();
    }

    /** A notification's payload: "42" after a vote, "42:phase" after a phase change. */
    void changed(String payload) {
        boolean phase = payload.endsWith(":phase");
        long pollId = Long.parseLong(phase ? payload.substring(0, payload.length() - ":phase".length()) : payload);
        if (listeners.containsKey(pollId)) {
            (phase ? phaseChanged : votesChanged).add(pollId);
        }
    }

    private void flush() {
        for (Long pollId : phaseChanged) {
            phaseChanged.remove(pollId);
            votesChanged.remove(pollId);
            listeners.getOrDefault(pollId, Set.of()).forEach(PollBroadcaster::run);
        }
        for (Long pollId : votesChanged) {
            votesChanged.remove(pollId);
            listeners.getOrDefault(pollId, Set.of()).stream().filter(Listener::votesToo).forEach(PollBroadcaster::run);
        }
    }

    private static void run(Listener l) {
        try {
            l.onChange().run();
        } catch (RuntimeException e) {
            log.warn("A live poll view failed to update: {}", e.toString());
        }
    }

    @Override
    public void start() {
        notifications.start(FLUSH_MILLIS, this::flush);
    }

    @Override
    public void stop() {
        notifications.stop();
    }

    @Override
    public boolean isRunning() {
        return notifications.isRunning();
    }
}

package org.lectern.poll;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
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

    private final DataSource dataSource;
    private final Map<Long, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final Set<Long> votesChanged = ConcurrentHashMap.newKeySet();
    private final Set<Long> phaseChanged = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ScheduledExecutorService listener;
    private ScheduledExecutorService flusher;

    PollBroadcaster(DataSource dataSource) {
        this.dataSource = dataSource;
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

    /** One LISTEN session, until the connection fails; then another is scheduled a second later (no hot loop while the database is down). */
    private void listen() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("LISTEN lectern_poll");
            PGConnection pg = c.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] notes = pg.getNotifications(500);
                if (notes != null) {
                    for (PGNotification n : notes) {
                        changed(n.getParameter());
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (running) {
                // The database went away or restarted: views miss nothing that a re-listen and their own reload cannot recover.
                log.warn("Poll notifications interrupted ({}); listening again in a second", e.toString());
                listeners.keySet().forEach(phaseChanged::add);
                listener.schedule(this::listen, 1, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("lectern-poll-listen").factory());
        listener.execute(this::listen);
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("lectern-poll-push").factory());
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (listener != null) {
            listener.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

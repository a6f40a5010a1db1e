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

    private final DataSource dataSource;
    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread listenerThread;
    private ScheduledExecutorService flusher;

    PollBroadcaster(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code onChange} runs on a background thread; views hand it to {@code UI.access}. */
    public Subscription subscribe(long pollId, Runnable onChange) {
        listeners.computeIfAbsent(pollId, k -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> listeners.computeIfPresent(pollId, (k, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    public int subscribers(long pollId) {
        Set<Runnable> set = listeners.get(pollId);
        return set == null ? 0 : set.size();
    }

    void changed(long pollId) {
        if (listeners.containsKey(pollId)) {
            dirty.add(pollId);
        }
    }

    private void flush() {
        for (Long pollId : dirty) {
            dirty.remove(pollId);
            for (Runnable r : listeners.getOrDefault(pollId, Set.of())) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.warn("A live poll view failed to update: {}", e.toString());
                }
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("LISTEN lectern_poll");
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null) {
                        for (PGNotification n : notes) {
                            changed(Long.parseLong(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    // The database went away or restarted: views miss nothing that a re-listen and their own reload cannot recover.
                    log.warn("Poll notifications interrupted ({}); listening again in a second", e.toString());
                    listeners.keySet().forEach(dirty::add);
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // no hot loop while the database is down
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listenerThread = Thread.ofPlatform().daemon().name("lectern-poll-listen").start(this::listen);
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("lectern-poll-push").factory());
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (listenerThread != null) {
            listenerThread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

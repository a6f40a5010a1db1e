package org.lectern.training;

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
import org.lectern.training.internal.TrainingRepository;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells live views that a training run changed (it started, an epoch arrived, it ended), whichever app replica or worker
 * machine runs it: the worker's transactions end with a PostgreSQL NOTIFY on {@value TrainingRepository#CHANNEL}, and
 * every web replica LISTENs, as the live polls do. Changes are coalesced per run to one call per {@link #FLUSH_MILLIS}.
 */
@Component
@ConditionalOnWebApplication
public class TrainingBroadcaster implements SmartLifecycle {

    static final long FLUSH_MILLIS = 150;
    private static final Logger log = LoggerFactory.getLogger(TrainingBroadcaster.class);

    /** A live view's hook; close it when the view detaches. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;
    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ScheduledExecutorService listener;
    private ScheduledExecutorService flusher;

    TrainingBroadcaster(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code onChange} runs on a background thread; views hand it to {@code UI.access}. */
    public Subscription subscribe(long runId, Runnable onChange) {
        listeners.computeIfAbsent(runId, k -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> listeners.computeIfPresent(runId, (k, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    void changed(String payload) {
        try {
            long runId = Long.parseLong(payload);
            if (listeners.containsKey(runId)) {
                changed.add(runId);
            }
        } catch (NumberFormatException e) {
            log.warn("Ignoring a training notification with payload '{}'", payload);
        }
    }

    private void flush() {
        for (Long runId : changed) {
            changed.remove(runId);
            for (Runnable r : listeners.getOrDefault(runId, Set.of())) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.warn("A live training view failed to update: {}", e.toString());
                }
            }
        }
    }

    /** One LISTEN session until the connection fails; then another a second later, and every view redraws once. */
    private void listen() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("LISTEN " + TrainingRepository.CHANNEL);
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
                log.warn("Training notifications interrupted ({}); listening again in a second", e.toString());
                changed.addAll(listeners.keySet());
                listener.schedule(this::listen, 1, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("lectern-training-listen").factory());
        listener.execute(this::listen);
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("lectern-training-push").factory());
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

package org.lectern.training;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.lectern.platform.PgChannelListener;
import org.lectern.training.internal.TrainingRepository;
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

    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private final PgChannelListener notifications;

    TrainingBroadcaster(DataSource dataSource) {
        this.notifications = new PgChannelListener(dataSource, TrainingRepository.CHANNEL, this::changed, () -> changed.addAll(listeners.keySet()));
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

package org.lectern.platform;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live views of one kind of thing (a question thread, an office-hours queue, a survey), keyed by that thing's id.
 * Changes commit a PostgreSQL NOTIFY on one channel, so every app replica hears them; each subscriber of a changed
 * key hears at most once per flush period, so a burst of changes costs a view one redraw, not one per change.
 * A subscriber's callback runs on the flush thread: a Vaadin view hands it to {@code UI.access}.
 * <p>
 * Payloads are parsed to keys by {@code keyOf}; a payload that does not parse is ignored (it is only a hint to reload).
 * After a lost connection every followed key is flushed once, since a notification may have been missed.
 */
public final class Broadcaster<K> {

    private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);

    /** A live view's hook; close it when the view detaches. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<K, Set<Runnable>> subscribers = new ConcurrentHashMap<>();
    private final Set<K> changed = ConcurrentHashMap.newKeySet();
    private final Function<String, K> keyOf;
    private final PgChannelListener notifications;
    private final long flushMillis;

    /** {@code dataSource} null: no database listener, changes come only through {@link #changed(Object)} (tests, benchmarks). */
    public Broadcaster(DataSource dataSource, String channel, Function<String, K> keyOf, long flushMillis) {
        this.keyOf = keyOf;
        this.flushMillis = flushMillis;
        this.notifications = dataSource == null ? null
                : new PgChannelListener(dataSource, channel, this::payload, () -> changed.addAll(subscribers.keySet()));
    }

    public Subscription subscribe(K key, Runnable onChange) {
        // A fresh wrapper per subscription, so one view subscribing twice with the same lambda gets two hooks.
        Runnable hook = onChange::run;
        subscribers.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(hook);
        return () -> subscribers.computeIfPresent(key, (k, set) -> {
            set.remove(hook);
            return set.isEmpty() ? null : set;
        });
    }

    public int subscribers(K key) {
        Set<Runnable> set = subscribers.get(key);
        return set == null ? 0 : set.size();
    }

    /** Marks a key changed (a notification's parsed payload); its subscribers hear at the next flush. */
    public void changed(K key) {
        if (subscribers.containsKey(key)) {
            changed.add(key);
        }
    }

    private void payload(String payload) {
        K key;
        try {
            key = keyOf.apply(payload);
        } catch (RuntimeException e) {
            log.debug("ignoring a notification payload that names no key: {}", payload);
            return;
        }
        changed(key);
    }

    /** Runs every changed key's subscribers once; the listener calls it every flush period. */
    public void flush() {
        for (K key : changed) {
            changed.remove(key);
            for (Runnable r : subscribers.getOrDefault(key, Set.of())) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.warn("A live view failed to update: {}", e.toString());
                }
            }
        }
    }

    public void start() {
        if (notifications != null) {
            notifications.start(flushMillis, this::flush);
        }
    }

    public void stop() {
        if (notifications != null) {
            notifications.stop();
        }
    }

    public boolean isRunning() {
        return notifications != null && notifications.isRunning();
    }
}

package org.lectern.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL channel LISTENed to on a connection of its own, for the live views' broadcasters (polls,
 * training runs): each notification's payload goes to {@code onNotification}; a {@code flush} runs every
 * {@code flushMillis} on a second thread so that a broadcaster can coalesce bursts. When the connection fails, a new
 * LISTEN starts a second later (no hot loop while the database is down), and once it listens again {@code onMissed}
 * runs (views redraw once): whatever was notified while nobody listened is lost, and a redraw from that moment on sees
 * it. Run at the failure instead, the redraw came before the gap it should cover (a poll's next round, opened just
 * after a database restart, never reached a page whose replica listened again a moment later).
 */
public final class PgChannelListener {

    private static final Logger log = LoggerFactory.getLogger(PgChannelListener.class);

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> onNotification;
    private final Runnable onMissed;
    private volatile boolean running;
    /** A LISTEN session failed: the next one that starts runs {@code onMissed}. */
    private volatile boolean interrupted;
    private ScheduledExecutorService listener;
    private ScheduledExecutorService flusher;

    public PgChannelListener(DataSource dataSource, String channel, Consumer<String> onNotification, Runnable onMissed) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a channel name is lower-case letters, digits and '_': " + channel);
        }
        this.dataSource = dataSource;
        this.channel = channel;
        this.onNotification = onNotification;
        this.onMissed = onMissed;
    }

    public void start(long flushMillis, Runnable flush) {
        running = true;
        listener = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(channel + "-listen").factory());
        listener.execute(this::listen);
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(channel + "-push").factory());
        flusher.scheduleWithFixedDelay(flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        running = false;
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (listener != null) {
            listener.shutdownNow();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** One LISTEN session, until the connection fails; then another is scheduled a second later. */
    private void listen() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + channel);
            }
            if (interrupted) {
                interrupted = false;
                onMissed.run();
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] notes = pg.getNotifications(500);
                if (notes != null) {
                    for (PGNotification n : notes) {
                        onNotification.accept(n.getParameter());
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            // The failure happened on the unwrapped driver connection, so the pool did not see it: evict the connection
            // rather than hand a dead one to the next request.
            discard(c);
            c = null;
            if (running) {
                log.warn("Notifications on {} interrupted ({}); listening again in a second", channel, e.toString());
                interrupted = true;
                listener.schedule(this::listen, 1, TimeUnit.SECONDS);
            }
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    log.debug("closing the {} listener's connection: {}", channel, e.toString());
                }
            }
        }
    }

    private void discard(Connection c) {
        if (c == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(c);
            } else {
                c.close();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("discarding the {} listener's connection: {}", channel, e.toString());
        }
    }
}

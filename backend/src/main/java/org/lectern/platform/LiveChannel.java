package org.lectern.platform;

import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;

/**
 * A feature's live channel: a {@link Broadcaster} started and stopped with the application. A feature's broadcaster
 * extends it and adds its subscribe methods (what a key means), so every live page learns of changes the same way.
 */
public abstract class LiveChannel<K> implements SmartLifecycle {

    protected final Broadcaster<K> broadcaster;

    protected LiveChannel(DataSource dataSource, String channel, Function<String, K> keyOf, long flushMillis) {
        this.broadcaster = new Broadcaster<>(dataSource, channel, keyOf, flushMillis);
    }

    /** Keys that are the payload itself, when it matches {@code pattern}; any other payload is no key (ignored). */
    protected static Function<String, String> keysMatching(String pattern) {
        return p -> {
            if (!p.matches(pattern)) {
                throw new IllegalArgumentException(p);
            }
            return p;
        };
    }

    @Override
    public void start() {
        broadcaster.start();
    }

    @Override
    public void stop() {
        broadcaster.stop();
    }

    @Override
    public boolean isRunning() {
        return broadcaster.isRunning();
    }
}

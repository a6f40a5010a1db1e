package org.lectern.paper;

import javax.sql.DataSource;
import org.lectern.platform.Broadcaster;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Tells presenter and paper pages that a paper (its group, roles or timer) changed, keyed by paper id, across app replicas. */
@Component
@ConditionalOnWebApplication
public class PaperBroadcaster implements SmartLifecycle {

    public static final String CHANNEL = org.lectern.paper.internal.PaperRepository.CHANNEL;
    static final long FLUSH_MILLIS = 100;

    private final Broadcaster<Long> broadcaster;

    PaperBroadcaster(DataSource dataSource) {
        this.broadcaster = new Broadcaster<>(dataSource, CHANNEL, Long::valueOf, FLUSH_MILLIS);
    }

    /** {@code onChange} runs on a background thread; views hand it to {@code UI.access}. */
    public Broadcaster.Subscription subscribe(long paperId, Runnable onChange) {
        return broadcaster.subscribe(paperId, onChange);
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

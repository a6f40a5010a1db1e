package org.lectern.workspace;

import javax.sql.DataSource;
import org.lectern.platform.Broadcaster;
import org.lectern.workspace.internal.NotebookRunRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Tells workspace pages that a notebook run moved on (a cell's output, its end), keyed by run id, across app replicas. */
@Component
@ConditionalOnWebApplication
public class NotebookRunBroadcaster implements SmartLifecycle {

    static final long FLUSH_MILLIS = 100;

    private final Broadcaster<Long> broadcaster;

    NotebookRunBroadcaster(DataSource dataSource) {
        this.broadcaster = new Broadcaster<>(dataSource, NotebookRunRepository.CHANNEL, Long::valueOf, FLUSH_MILLIS);
    }

    /** {@code onChange} runs on a background thread; views hand it to {@code UI.access}. */
    public Broadcaster.Subscription subscribe(long runId, Runnable onChange) {
        return broadcaster.subscribe(runId, onChange);
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

package org.lectern.project;

import javax.sql.DataSource;
import org.lectern.platform.Broadcaster;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Tells a course's team pages that its teams or invitations changed (keyed by course id), across app replicas. */
@Component
@ConditionalOnWebApplication
public class TeamBroadcaster implements SmartLifecycle {

    public static final String CHANNEL = "lectern_teams";
    static final long FLUSH_MILLIS = 200;

    private final Broadcaster<Long> broadcaster;

    TeamBroadcaster(DataSource dataSource) {
        this.broadcaster = new Broadcaster<>(dataSource, CHANNEL, Long::valueOf, FLUSH_MILLIS);
    }

    /** {@code onChange} runs on a background thread; views hand it to {@code UI.access}. */
    public Broadcaster.Subscription subscribe(long courseId, Runnable onChange) {
        return broadcaster.subscribe(courseId, onChange);
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

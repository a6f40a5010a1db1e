package org.lectern.officehours;

import javax.sql.DataSource;
import org.lectern.platform.Broadcaster;
import org.lectern.platform.LiveChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Tells queue pages that a session's queue changed (keyed by session id), across app replicas. */
@Component
@ConditionalOnWebApplication
public class OfficeHoursBroadcaster extends LiveChannel<Long> {

    public static final String CHANNEL = "lectern_office_hours";
    static final long FLUSH_MILLIS = 100;

    OfficeHoursBroadcaster(DataSource dataSource) {
        super(dataSource, CHANNEL, Long::valueOf, FLUSH_MILLIS);
    }

    /** {@code onChange} runs on a background thread; views hand it to {@code UI.access}. */
    public Broadcaster.Subscription subscribe(long sessionId, Runnable onChange) {
        return broadcaster.subscribe(sessionId, onChange);
    }

    public int subscribers(long sessionId) {
        return broadcaster.subscribers(sessionId);
    }
}

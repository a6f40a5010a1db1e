package org.lectern.officehours;

import javax.sql.DataSource;
import org.lectern.platform.Broadcaster;
import org.lectern.platform.IdChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Tells queue pages that a session's queue changed (keyed by session id), across app replicas. */
@Component
@ConditionalOnWebApplication
public class OfficeHoursBroadcaster extends IdChannel {

    public static final String CHANNEL = "lectern_office_hours";
    static final long FLUSH_MILLIS = 100;

    OfficeHoursBroadcaster(DataSource dataSource) {
        super(dataSource, CHANNEL, FLUSH_MILLIS);
    }

    public int subscribers(long sessionId) {
        return broadcaster.subscribers(sessionId);
    }
}

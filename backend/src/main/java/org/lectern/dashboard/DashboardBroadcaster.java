package org.lectern.dashboard;

import javax.sql.DataSource;
import org.lectern.dashboard.internal.DashboardRepository;
import org.lectern.platform.Broadcaster;
import org.lectern.platform.LiveChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tells open dashboards that a course's waiting work may have changed (keyed by course id), across app replicas; the
 * page then counts again through {@link TaDashboardService} with the viewer's role.
 */
@Component
@ConditionalOnWebApplication
public class DashboardBroadcaster extends LiveChannel<Long> {

    static final long FLUSH_MILLIS = 300;

    DashboardBroadcaster(DataSource dataSource) {
        super(dataSource, DashboardRepository.CHANNEL, Long::valueOf, FLUSH_MILLIS);
    }

    /** {@code onChange} runs on a background thread; views hand it to {@code UI.access}. */
    public Broadcaster.Subscription course(long courseId, Runnable onChange) {
        return broadcaster.subscribe(courseId, onChange);
    }
}

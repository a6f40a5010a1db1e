package org.lectern.project;

import javax.sql.DataSource;
import org.lectern.platform.IdChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Tells a course's team pages that its teams or invitations changed (keyed by course id), across app replicas. */
@Component
@ConditionalOnWebApplication
public class TeamBroadcaster extends IdChannel {

    public static final String CHANNEL = "lectern_teams";
    static final long FLUSH_MILLIS = 200;

    TeamBroadcaster(DataSource dataSource) {
        super(dataSource, CHANNEL, FLUSH_MILLIS);
    }
}

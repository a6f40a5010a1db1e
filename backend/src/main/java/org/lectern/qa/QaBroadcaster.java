package org.lectern.qa;

import javax.sql.DataSource;
import org.lectern.platform.Broadcaster;
import org.lectern.platform.LiveChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tells Q&A pages that something changed: a course's post list (key "c" + course id) or one thread ("p" + post id).
 * The pages reload what they show through the service, which applies the caller's visibility.
 */
@Component
@ConditionalOnWebApplication
public class QaBroadcaster extends LiveChannel<String> {

    public static final String CHANNEL = "lectern_qa";
    static final long FLUSH_MILLIS = 200;

    QaBroadcaster(DataSource dataSource) {
        super(dataSource, CHANNEL, keysMatching("[cp]\\d{1,18}"), FLUSH_MILLIS);
    }

    public Broadcaster.Subscription course(long courseId, Runnable onChange) {
        return broadcaster.subscribe("c" + courseId, onChange);
    }

    public Broadcaster.Subscription post(long postId, Runnable onChange) {
        return broadcaster.subscribe("p" + postId, onChange);
    }
}

package org.lectern.platform;

import javax.sql.DataSource;

/**
 * A {@link LiveChannel} keyed by a row's id (a paper, a course's teams, a notebook run, an office-hours session): the
 * payload NOTIFYed is the id, and pages subscribe to the id they show.
 */
public abstract class IdChannel extends LiveChannel<Long> {

    protected IdChannel(DataSource dataSource, String channel, long flushMillis) {
        super(dataSource, channel, Long::valueOf, flushMillis);
    }

    /** {@code onChange} runs on a background thread; views hand it to {@code UI.access}. */
    public Broadcaster.Subscription subscribe(long id, Runnable onChange) {
        return broadcaster.subscribe(id, onChange);
    }
}

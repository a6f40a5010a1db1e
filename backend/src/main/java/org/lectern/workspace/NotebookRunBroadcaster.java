package org.lectern.workspace;

import javax.sql.DataSource;
import org.lectern.platform.IdChannel;
import org.lectern.workspace.internal.NotebookRunRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Tells workspace pages that a notebook run moved on (a cell's output, its end), keyed by run id, across app replicas. */
@Component
@ConditionalOnWebApplication
public class NotebookRunBroadcaster extends IdChannel {

    static final long FLUSH_MILLIS = 100;

    NotebookRunBroadcaster(DataSource dataSource) {
        super(dataSource, NotebookRunRepository.CHANNEL, FLUSH_MILLIS);
    }
}

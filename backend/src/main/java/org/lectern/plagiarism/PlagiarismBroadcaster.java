package org.lectern.plagiarism;

import javax.sql.DataSource;
import org.lectern.platform.Broadcaster;
import org.lectern.platform.LiveChannel;
import org.lectern.plagiarism.internal.PlagiarismRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tells plagiarism pages that an assignment's check changed (queued, started, moved on, ended), whichever node runs
 * it: the repository NOTIFYs the assignment id on {@value PlagiarismRepository#CHANNEL}. Pages reload through
 * {@link PlagiarismService}, which checks the viewer's role.
 */
@Component
@ConditionalOnWebApplication
public class PlagiarismBroadcaster extends LiveChannel<Long> {

    static final long FLUSH_MILLIS = 250;

    PlagiarismBroadcaster(DataSource dataSource) {
        super(dataSource, PlagiarismRepository.CHANNEL, Long::valueOf, FLUSH_MILLIS);
    }

    public Broadcaster.Subscription assignment(long assignmentId, Runnable onChange) {
        return broadcaster.subscribe(assignmentId, onChange);
    }
}

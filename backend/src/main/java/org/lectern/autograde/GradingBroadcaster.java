package org.lectern.autograde;

import javax.sql.DataSource;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.platform.Broadcaster;
import org.lectern.platform.LiveChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tells live pages that a submission's grading changed (a run or a model evaluation queued, started, a group of tests
 * done, ended) or that a re-grade batch moved on, whichever node runs it: the repositories NOTIFY on
 * {@value RunRepository#CHANNEL}. Pages reload through {@link AutogradeService} or {@link ModelAssignmentService},
 * which apply the viewer's role and visibility.
 */
@Component
@ConditionalOnWebApplication
public class GradingBroadcaster extends LiveChannel<String> {

    static final long FLUSH_MILLIS = 200;

    GradingBroadcaster(DataSource dataSource) {
        super(dataSource, RunRepository.CHANNEL, keysMatching("[sb]\\d{1,18}"), FLUSH_MILLIS);
    }

    public Broadcaster.Subscription submission(long submissionId, Runnable onChange) {
        return broadcaster.subscribe("s" + submissionId, onChange);
    }

    public Broadcaster.Subscription batch(long batchId, Runnable onChange) {
        return broadcaster.subscribe("b" + batchId, onChange);
    }
}

package org.lectern.training;

import javax.sql.DataSource;
import org.lectern.platform.Broadcaster;
import org.lectern.platform.IdChannel;
import org.lectern.training.internal.TrainingRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tells live views that a training run changed (it started, an epoch arrived, it ended), whichever app replica or worker
 * machine runs it: the worker's transactions end with a NOTIFY on {@value TrainingRepository#CHANNEL} carrying the run
 * id, heard by every web replica's {@link Broadcaster}; changes are coalesced per run to one call per {@link #FLUSH_MILLIS}.
 */
@Component
@ConditionalOnWebApplication
public class TrainingBroadcaster extends IdChannel {

    static final long FLUSH_MILLIS = 150;

    TrainingBroadcaster(DataSource dataSource) {
        super(dataSource, TrainingRepository.CHANNEL, FLUSH_MILLIS);
    }
}

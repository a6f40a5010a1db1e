package org.lectern.paper;

import javax.sql.DataSource;
import org.lectern.paper.internal.PaperRepository;
import org.lectern.platform.IdChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Tells presenter and paper pages that a paper (its group, roles or timer) changed, keyed by paper id, across app replicas. */
@Component
@ConditionalOnWebApplication
public class PaperBroadcaster extends IdChannel {

    public static final String CHANNEL = PaperRepository.CHANNEL;
    static final long FLUSH_MILLIS = 100;

    PaperBroadcaster(DataSource dataSource) {
        super(dataSource, CHANNEL, FLUSH_MILLIS);
    }
}

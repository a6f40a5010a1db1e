package org.lectern.lti;

import org.lectern.platform.web.FrameAncestors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Lets the registered LMS platforms frame Lectern's pages: their origins ({@link FrameOrigins}) go into the
 * frame-ancestors of every response. Read from the database at start and again after a platform is registered
 * or removed (after commit, so a rolled-back registration never widens the policy); responses read the cache.
 */
@Component
class LtiFrameAncestors {

    /** Published by {@link LtiPlatforms} when the set of platforms changed. */
    record PlatformsChanged() {
    }

    private final LtiPlatforms platforms;
    private final ObjectProvider<FrameAncestors> frameAncestors;

    LtiFrameAncestors(LtiPlatforms platforms, ObjectProvider<FrameAncestors> frameAncestors) {
        this.platforms = platforms;
        this.frameAncestors = frameAncestors;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        refresh();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(PlatformsChanged e) {
        refresh();
    }

    void refresh() {
        frameAncestors.ifAvailable(f -> f.replace("lti", FrameOrigins.of(platforms.all())));
    }
}

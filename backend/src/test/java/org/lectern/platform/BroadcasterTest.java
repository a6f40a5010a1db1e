package org.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared broadcaster's bookkeeping: keyed subscribers, coalescing, unsubscribing, bad payloads. */
class BroadcasterTest {

    @Test
    void aBurstOfChangesReachesEachSubscriberOfThatKeyOnce() {
        var b = new Broadcaster<Long>(null, "test_channel", Long::valueOf, 100);
        AtomicInteger one = new AtomicInteger();
        AtomicInteger oneAgain = new AtomicInteger();
        AtomicInteger two = new AtomicInteger();
        b.subscribe(1L, one::incrementAndGet);
        b.subscribe(1L, oneAgain::incrementAndGet);
        b.subscribe(2L, two::incrementAndGet);
        for (int i = 0; i < 50; i++) {
            b.changed(1L);
        }
        b.flush();
        b.flush();
        assertThat(one).hasValue(1);
        assertThat(oneAgain).hasValue(1);
        assertThat(two).hasValue(0);
        assertThat(b.subscribers(1L)).isEqualTo(2);
    }

    @Test
    void aClosedSubscriptionHearsNothingAndItsKeyIsForgotten() {
        var b = new Broadcaster<Long>(null, "test_channel", Long::valueOf, 100);
        AtomicInteger heard = new AtomicInteger();
        var sub = b.subscribe(7L, heard::incrementAndGet);
        sub.close();
        b.changed(7L);
        b.flush();
        assertThat(heard).hasValue(0);
        assertThat(b.subscribers(7L)).isZero();
    }

    @Test
    void oneFailingViewDoesNotStopTheOthers() {
        var b = new Broadcaster<String>(null, "test_channel", s -> s, 100);
        AtomicInteger heard = new AtomicInteger();
        b.subscribe("k", () -> {
            throw new IllegalStateException("detached");
        });
        b.subscribe("k", heard::incrementAndGet);
        b.changed("k");
        b.flush();
        assertThat(heard).hasValue(1);
    }
}

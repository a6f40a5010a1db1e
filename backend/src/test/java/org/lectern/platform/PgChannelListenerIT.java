package org.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The live views' channel listener on the real database: it hears NOTIFYs, and listens again after its connection dies. */
@BackendTest
class PgChannelListenerIT {

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void itHearsNotificationsAndComesBackAfterItsConnectionIsKilled() {
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicInteger missed = new AtomicInteger();
        List<Boolean> listeningWhenMissed = new CopyOnWriteArrayList<>();
        AtomicInteger flushes = new AtomicInteger();
        PgChannelListener listener = new PgChannelListener(dataSource, "lectern_test_channel", heard::add, () -> {
            listeningWhenMissed.add(listening());
            missed.incrementAndGet();
        });
        listener.start(50, flushes::incrementAndGet);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::listening);
            jdbc.execute("select pg_notify('lectern_test_channel', 'one')");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("one"));
            assertThat(flushes.get()).as("the flush runs on its own schedule").isPositive();

            // The database drops the listening connection (a restart, a failover): the views are told once, then it listens again.
            jdbc.queryForList("select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN lectern_test_channel'");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> missed.get() == 1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::listening);
            // Told once it listens again, so that a redraw then covers whatever was notified while nobody listened.
            assertThat(listeningWhenMissed).containsExactly(true);
            // The killed connection was evicted from the pool, not handed to the next query.
            jdbc.execute("select pg_notify('lectern_test_channel', 'two')");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("two"));
        } finally {
            listener.stop();
        }
        assertThat(listener.isRunning()).isFalse();
    }

    private boolean listening() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where query = 'LISTEN lectern_test_channel'", Integer.class) > 0;
    }
}

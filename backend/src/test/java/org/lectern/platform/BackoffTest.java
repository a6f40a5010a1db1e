package org.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    static final Backoff B = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 8);

    @ParameterizedTest(name = "after {0} failed tries wait {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 480", "6, 600", "7, 600", "8, -1", "9, -1"})
    void waits(int failed, long seconds) {
        Duration d = B.after(failed);
        if (seconds < 0) {
            assertThat(d).isNull();
        } else {
            assertThat(d).isEqualTo(Duration.ofSeconds(seconds));
        }
    }
}

package org.lectern.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyRotationTest {

    // Rotate every 90 days, publish 2 days before signing, keep 1 day after the last signature.
    static final KeyRotation R = KeyRotation.DEFAULT;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Instant day(double d) {
        return T0.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    static List<KeyRotation.Key> keys(Object... kidAndDay) {
        KeyRotation.Key[] k = new KeyRotation.Key[kidAndDay.length / 2];
        for (int i = 0; i < k.length; i++) {
            k[i] = new KeyRotation.Key((String) kidAndDay[2 * i], day(((Number) kidAndDay[2 * i + 1]).doubleValue()));
        }
        return Arrays.asList(k);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // keys (kid, created on day), now (day) → signer, published, create a new one, retire
                Arguments.of("no key yet", keys(), 0, null, List.of(), true, List.of()),
                Arguments.of("the first key signs at once", keys("a", 0), 0, "a", List.of("a"), false, List.of()),
                Arguments.of("mid-life: nothing to do", keys("a", 0), 40, "a", List.of("a"), false, List.of()),
                Arguments.of("2 days before its end a successor is due", keys("a", 0), 88, "a", List.of("a"), true, List.of()),
                Arguments.of("a successor is published but does not sign yet", keys("a", 0, "b", 88), 89, "a", List.of("a", "b"), false, List.of()),
                Arguments.of("after 2 days the successor signs; the old key stays published", keys("a", 0, "b", 88), 90.5, "b",
                        List.of("a", "b"), false, List.of()),
                Arguments.of("a day after it stopped signing the old key goes", keys("a", 0, "b", 88), 91, "b", List.of("b"), false,
                        List.of("a")),
                Arguments.of("a long-idle site: successor of a stale key signs after its own 2 days", keys("a", 0, "b", 300), 301, "a",
                        List.of("a", "b"), false, List.of()),
                Arguments.of("three generations: only the last two may matter", keys("a", 0, "b", 88, "c", 178), 180.5, "c",
                        List.of("b", "c"), false, List.of("a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plan(String what, List<KeyRotation.Key> keys, double now, String signer, List<String> published, boolean createNew,
              List<String> retire) {
        KeyRotation.Plan p = R.plan(keys, day(now));
        assertThat(p.signer()).isEqualTo(signer);
        assertThat(p.published()).containsExactlyElementsOf(published);
        assertThat(p.createNew()).isEqualTo(createNew);
        assertThat(p.retire()).containsExactlyElementsOf(retire);
    }

    @Test
    void theSignerIsAlwaysPublished() {
        for (double d = 0; d < 400; d += 0.5) {
            var keys = keys("a", 0, "b", 88, "c", 178, "d", 268);
            KeyRotation.Plan p = R.plan(keys, day(d));
            assertThat(p.published()).contains(p.signer());
        }
    }

    @Test
    void aKeyCannotBePublishedLongerThanItSigns() {
        assertThatThrownBy(() -> new KeyRotation(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.lectern.officehours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueueOrderTest {

    static final Instant T = Instant.parse("2026-01-12T17:00:00Z");

    static QueueOrder.Waiting w(long id, int minute, boolean helpedToday) {
        return new QueueOrder.Waiting(id, T.plusSeconds(60L * minute), helpedToday);
    }

    static Stream<Arguments> queues() {
        return Stream.of(
                Arguments.of("empty queue", List.of(), List.of()),
                Arguments.of("first come, first served", List.of(w(2, 5, false), w(1, 1, false), w(3, 9, false)), List.of(1L, 2L, 3L)),
                Arguments.of("not yet helped today goes first, though later",
                        List.of(w(1, 0, true), w(2, 3, false), w(3, 4, true), w(4, 7, false)), List.of(2L, 4L, 1L, 3L)),
                Arguments.of("everyone helped today: first come, first served", List.of(w(5, 2, true), w(4, 1, true)), List.of(4L, 5L)),
                Arguments.of("same second: the earlier entry", List.of(w(9, 1, false), w(8, 1, false)), List.of(8L, 9L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void order(String what, List<QueueOrder.Waiting> waiting, List<Long> expected) {
        assertThat(QueueOrder.order(waiting)).extracting(QueueOrder.Waiting::entryId).containsExactlyElementsOf(expected);
    }
}

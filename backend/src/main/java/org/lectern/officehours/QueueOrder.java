package org.lectern.officehours;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Who is helped next: students not yet helped today (in the course's time zone) go before those who were, so one
 * student returning again and again cannot crowd out the rest; within each group, first come, first served.
 */
public final class QueueOrder {

    /** A waiting entry as the rule sees it. */
    public record Waiting(long entryId, Instant joinedAt, boolean helpedToday) {
    }

    private static final Comparator<Waiting> ORDER = Comparator.comparing(Waiting::helpedToday)
            .thenComparing(Waiting::joinedAt)
            .thenComparingLong(Waiting::entryId);

    private QueueOrder() {
    }

    public static List<Waiting> order(List<Waiting> waiting) {
        return waiting.stream().sorted(ORDER).toList();
    }
}

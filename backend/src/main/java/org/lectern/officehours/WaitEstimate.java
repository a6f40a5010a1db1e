package org.lectern.officehours;

import java.time.Duration;
import java.util.List;

/**
 * How long a student at a position should expect to wait: the median of the recent service times (how long a TA
 * spent with a student) times the people ahead, shared among the TAs serving. With no history yet, a default
 * guess stands in.
 */
public final class WaitEstimate {

    /** Used until a session has helped anyone: a common office-hours slot. */
    public static final Duration DEFAULT_SERVICE = Duration.ofMinutes(10);
    /** Only the latest services count: a TA's pace early in the week says little about the evening before a deadline. */
    public static final int RECENT = 20;

    private WaitEstimate() {
    }

    /**
     * @param ahead           how many are waiting before this student
     * @param recentServices  the latest service times, newest first (only the first {@link #RECENT} count)
     * @param staffServing    TAs helping in the session (at least one counts)
     */
    public static Duration estimate(int ahead, List<Duration> recentServices, int staffServing) {
        if (ahead < 0) {
            throw new IllegalArgumentException("ahead must not be negative: " + ahead);
        }
        Duration per = median(recentServices.stream().limit(RECENT).toList());
        int staff = Math.max(1, staffServing);
        // Whole rounds of service: with 2 TAs and 3 ahead, one round ends, two of them are done, and a TA is free.
        return per.multipliedBy(ahead / staff);
    }

    static Duration median(List<Duration> services) {
        if (services.isEmpty()) {
            return DEFAULT_SERVICE;
        }
        List<Duration> sorted = services.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }
}

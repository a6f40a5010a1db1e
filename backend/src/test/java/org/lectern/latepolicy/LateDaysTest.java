package org.lectern.latepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LateDaysTest {

    static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");
    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

    static ZonedDateTime at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone);
    }

    // January 2024: Thu 25, Fri 26, Sat 27, Sun 28, Mon 29 ... Fri Feb 2, Sat 3, Sun 4, Mon 5.
    @ParameterizedTest(name = "weekend rule, due {0}, submitted {1} -> {2}")
    @CsvSource({
            // the seed's example: Friday 23:59 + 1 late day = Sunday 23:59
            "2024-01-26T23:59, 2024-01-26T20:00, 0",
            "2024-01-26T23:59, 2024-01-27T00:10, 0",   // 11 minutes after: inside 15 minutes' grace
            "2024-01-26T23:59, 2024-01-27T00:14, 0",   // exactly deadline + grace still counts as on time
            "2024-01-26T23:59, 2024-01-27T00:15, 1",
            "2024-01-26T23:59, 2024-01-27T10:00, 1",   // Saturday
            "2024-01-26T23:59, 2024-01-28T23:00, 1",   // Sunday 23:00
            "2024-01-26T23:59, 2024-01-29T00:10, 1",   // grace at the end of the late day too
            "2024-01-26T23:59, 2024-01-29T00:30, 2",   // Monday 00:30
            "2024-01-26T23:59, 2024-01-30T00:30, 3",
            // Thursday deadline: Friday is day 1, the whole weekend is day 2
            "2024-01-25T23:59, 2024-01-26T23:00, 1",
            "2024-01-25T23:59, 2024-01-27T10:00, 2",
            "2024-01-25T23:59, 2024-01-28T23:00, 2",
            "2024-01-25T23:59, 2024-01-29T00:30, 3",
            // Saturday deadline: only Sunday is left of that weekend, and it is one day
            "2024-01-27T23:59, 2024-01-28T23:00, 1",
            "2024-01-27T23:59, 2024-01-29T00:30, 2",
            // Sunday deadline: weekdays one by one, then the next weekend is one day
            "2024-01-28T23:59, 2024-01-29T23:00, 1",
            "2024-01-28T23:59, 2024-02-02T23:00, 5",
            "2024-01-28T23:59, 2024-02-03T10:00, 6",
            "2024-01-28T23:59, 2024-02-04T23:00, 6",
            "2024-01-28T23:59, 2024-02-05T00:30, 7",
            // a morning deadline keeps its time: Friday 10:00 + 1 = Sunday 10:00
            "2024-01-26T10:00, 2024-01-28T10:10, 1",
            "2024-01-26T10:00, 2024-01-28T10:20, 2",
    })
    void weekendCountsAsOneDay(String due, String submitted, int expected) {
        assertThat(LateDays.count(at(due, SEATTLE), at(submitted, SEATTLE).toInstant(), LatePolicy.cse493g1()))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "calendar days, due {0}, submitted {1} -> {2}")
    @CsvSource({
            "2024-01-26T23:59, 2024-01-27T10:00, 1",
            "2024-01-26T23:59, 2024-01-28T23:00, 2",   // Sunday is its own day without the rule
            "2024-01-26T23:59, 2024-01-29T00:30, 3",
            "2024-01-26T23:59, 2024-02-02T23:00, 7",
    })
    void withoutTheWeekendRuleEveryDayCounts(String due, String submitted, int expected) {
        assertThat(LateDays.count(at(due, ISTANBUL), at(submitted, ISTANBUL).toInstant(), LatePolicy.comp541()))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "DST, due {0}, submitted {1} -> {2} (24-hour steps would say {3})")
    @CsvSource({
            // spring forward: 2024-03-10 02:00 PST -> 03:00 PDT, that late day is 23 hours long
            "2024-03-09T23:59, 2024-03-10T23:30, 1, 1",
            "2024-03-09T23:59, 2024-03-11T00:10, 1, 1",
            "2024-03-09T23:59, 2024-03-11T00:30, 2, 1",
            // fall back: 2024-11-03 02:00 PDT -> 01:00 PST, that late day is 25 hours long
            "2024-11-02T23:59, 2024-11-03T22:00, 1, 1",
            "2024-11-02T23:59, 2024-11-03T23:30, 1, 2",
            "2024-11-02T23:59, 2024-11-04T00:30, 2, 2",
            // a Friday deadline across the spring change: the weekend is one 47-hour late day
            "2024-03-08T23:59, 2024-03-10T23:30, 1, 2",
    })
    void lateDaysEndAtTheSameWallClockTimeAcrossDaylightSaving(String due, String submitted, int expected,
                                                               int naive) {
        ZonedDateTime deadline = at(due, SEATTLE);
        var submittedAt = at(submitted, SEATTLE).toInstant();
        assertThat(LateDays.count(deadline, submittedAt, Duration.ofMinutes(15), true)).isEqualTo(expected);
        long naiveDays = (long) Math.ceil(
                Duration.between(deadline.toInstant().plus(Duration.ofMinutes(15)), submittedAt).toMinutes() / (24.0 * 60));
        assertThat(naiveDays).as("the 24-hour reading this test guards against").isEqualTo(naive);
    }

    @ParameterizedTest(name = "grace {2} min, due {0}, submitted {1} -> {3}")
    @CsvSource({
            "2024-01-24T23:59, 2024-01-25T00:09, 15, 0",   // 23:59 + 10 minutes with 15 minutes' grace
            "2024-01-24T23:59, 2024-01-25T00:09, 0, 1",    // the same without grace
            "2024-01-24T23:59, 2024-01-24T23:59, 0, 0",    // at the deadline exactly
            "2024-01-24T23:59, 2024-01-25T00:15, 15, 1",
            "2024-01-24T23:59, 2024-01-20T12:00, 15, 0",   // early
    })
    void graceCountsAsOnTime(String due, String submitted, int graceMinutes, int expected) {
        assertThat(LateDays.count(at(due, SEATTLE), at(submitted, SEATTLE).toInstant(),
                Duration.ofMinutes(graceMinutes), false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "due {0} + {1} late days (weekend rule {2}) ends {3}")
    @CsvSource({
            "2024-01-26T23:59-08:00[America/Los_Angeles], 0, true, 2024-01-26T23:59-08:00[America/Los_Angeles]",
            "2024-01-26T23:59-08:00[America/Los_Angeles], 1, true, 2024-01-28T23:59-08:00[America/Los_Angeles]",
            "2024-01-26T23:59-08:00[America/Los_Angeles], 2, true, 2024-01-29T23:59-08:00[America/Los_Angeles]",
            "2024-01-26T23:59-08:00[America/Los_Angeles], 1, false, 2024-01-27T23:59-08:00[America/Los_Angeles]",
            "2024-03-09T23:59-08:00[America/Los_Angeles], 1, true, 2024-03-10T23:59-07:00[America/Los_Angeles]",
            "2024-11-02T23:59-07:00[America/Los_Angeles], 1, false, 2024-11-03T23:59-08:00[America/Los_Angeles]",
            // 02:30 does not exist on 2024-03-10: it moves forward by the gap
            "2024-03-09T02:30-08:00[America/Los_Angeles], 1, false, 2024-03-10T03:30-07:00[America/Los_Angeles]",
            "2024-03-09T02:30-08:00[America/Los_Angeles], 2, false, 2024-03-11T02:30-07:00[America/Los_Angeles]",
            // 01:30 happens twice on 2024-11-03: the later one, in the student's favour
            "2024-11-02T01:30-07:00[America/Los_Angeles], 1, false, 2024-11-03T01:30-08:00[America/Los_Angeles]",
    })
    void endOfLateDay(String due, int days, boolean weekendRule, String expected) {
        assertThat(LateDays.endOfLateDay(ZonedDateTime.parse(due), days, weekendRule))
                .isEqualTo(ZonedDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0} days")
    @CsvSource({"-1", "-5"})
    void negativeDaysAreRejected(int days) {
        assertThatThrownBy(() -> LateDays.endOfLateDay(at("2024-01-26T23:59", SEATTLE), days, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatesTest {
    private static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");

    @AfterEach
    void systemClock() {
        Dates.useClock(Clock.systemUTC());
    }

    @Test
    void theYearIsShownWhenItIsNotThisYear() {
        Dates.useClock(Clock.fixed(Instant.parse("2024-01-10T12:00:00Z"), SEATTLE));
        assertThat(Dates.dateTime(Instant.parse("2027-01-18T22:00:00Z"), SEATTLE)).isEqualTo("Mon Jan 18 2027, 14:00");
        assertThat(Dates.dateTime(Instant.parse("2024-01-18T22:00:00Z"), SEATTLE)).isEqualTo("Thu Jan 18, 14:00");
        assertThat(Dates.date(LocalDate.of(2023, 12, 31), SEATTLE)).isEqualTo("Sun Dec 31 2023");
    }

    @Test
    void timesAreInTheCoursesZone() {
        Dates.useClock(Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), SEATTLE));
        // 07:30 UTC on Jan 1 2025 is still Dec 31 2024 in Seattle: this year, so no year, and the Seattle date
        assertThat(Dates.dateTime(Instant.parse("2025-01-01T07:30:00Z"), SEATTLE)).isEqualTo("Tue Dec 31, 23:30");
        assertThat(Dates.time(Instant.parse("2024-06-10T21:05:00Z"), SEATTLE)).isEqualTo("14:05");
        assertThat(Dates.dateTime((Instant) null, SEATTLE)).isEmpty();
    }
}

package org.lectern.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingQuotaTest {

    private static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");

    @ParameterizedTest
    @CsvSource({
            // now (UTC), zone → this week's Monday 00:00 and next week's, as instants
            "2024-01-10T12:00:00Z, America/Los_Angeles, 2024-01-08T08:00:00Z, 2024-01-15T08:00:00Z",
            // Monday 07:59 UTC is still Sunday evening in Seattle
            "2024-01-08T07:59:00Z, America/Los_Angeles, 2024-01-01T08:00:00Z, 2024-01-08T08:00:00Z",
            "2024-01-08T08:00:00Z, America/Los_Angeles, 2024-01-08T08:00:00Z, 2024-01-15T08:00:00Z",
            // the week in which the clocks change: Monday 00:00 PST, next Monday 00:00 PDT
            "2024-03-12T12:00:00Z, America/Los_Angeles, 2024-03-11T07:00:00Z, 2024-03-18T07:00:00Z",
            "2024-03-08T12:00:00Z, America/Los_Angeles, 2024-03-04T08:00:00Z, 2024-03-11T07:00:00Z",
            "2024-10-31T23:30:00Z, Europe/Istanbul, 2024-10-27T21:00:00Z, 2024-11-03T21:00:00Z",
            "2024-11-03T21:00:00Z, Europe/Istanbul, 2024-11-03T21:00:00Z, 2024-11-10T21:00:00Z"})
    void weeksStartOnMondayAtMidnightInTheCoursesZone(Instant now, ZoneId zone, Instant start, Instant next) {
        assertThat(TrainingQuota.weekStart(now, zone)).isEqualTo(start);
        assertThat(TrainingQuota.nextWeekStart(now, zone)).isEqualTo(next);
    }

    @ParameterizedTest
    @CsvSource({
            // limit, charged, held, estimate → remaining, allowed
            "600, 0, 0, 600, 600, true",
            "600, 0, 0, 601, 600, false",
            "600, 540.4, 30, 29, 29.6, true",
            "600, 540.4, 30, 30, 29.6, false",
            "600, 700, 0, 1, 0, false",
            "0, 0, 0, 1, 0, false"})
    void aQuotaHoldsWhatEndedRunsWereChargedAndWhatActiveOnesEstimate(long limit, double charged, long held, long estimate,
                                                                      double remaining, boolean allowed) {
        QuotaUse use = new QuotaUse(limit, charged, held);
        assertThat(use.remainingSeconds()).isCloseTo(remaining, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(use.allows(estimate)).isEqualTo(allowed);
        assertThat(use.usedSeconds()).isCloseTo(charged + held, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static TrainingQuota quota(QuotaUse student, QuotaUse team) {
        Instant now = Instant.parse("2024-01-10T12:00:00Z");
        return new TrainingQuota(TrainingQuota.weekStart(now, SEATTLE), TrainingQuota.nextWeekStart(now, SEATTLE), student,
                team == null ? null : "Blue", team);
    }

    @Test
    void aRunThatFitsBothQuotasMayStart() {
        TrainingQuota q = quota(new QuotaUse(600, 100, 0), new QuotaUse(1800, 1700, 0));
        assertThat(q.remainingSeconds()).isEqualTo(100);
        assertThat(q.refusal(100, SEATTLE)).isEmpty();
        assertThat(quota(new QuotaUse(600, 100, 0), null).refusal(500, SEATTLE)).isEmpty();
    }

    @Test
    void theStudentsOwnQuotaIsNamedWhenItIsShort() {
        TrainingQuota q = quota(new QuotaUse(600, 540.4, 30), new QuotaUse(1800, 0, 0));
        assertThat(q.refusal(42, SEATTLE)).contains("This run needs about 42 s of worker time, but you have 29 s left this week"
                + " (600 s a week: 540 s used, 30 s held by queued or running runs). Your quota renews on Monday 15 January, 00:00;"
                + " until then choose fewer epochs, larger batches or a smaller network.");
    }

    @Test
    void theTeamsQuotaIsNamedWhenItIsShort() {
        TrainingQuota q = quota(new QuotaUse(600, 0, 0), new QuotaUse(1800, 1790, 0));
        assertThat(q.remainingSeconds()).isEqualTo(10);
        assertThat(q.refusal(42, SEATTLE)).hasValueSatisfying(m -> assertThat(m)
                .startsWith("This run needs about 42 s of worker time, but your team Blue has 10 s left this week (1800 s a week: 1790 s used).")
                .contains("renews on Monday 15 January, 00:00"));
    }
}

package org.lectern.training;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * A student's worker time this week in one course: their own quota, and their team's when they are in one. Weeks start
 * on Monday at 00:00 in the course's time zone. A run may start when its estimate fits both; once running it may use
 * what both have left (it is stopped there), and it is charged its measured time.
 *
 * @param weekStart when this week's quotas began
 * @param renewsAt  when they renew
 * @param student   the student's own quota
 * @param teamName  their team; null when they are in none
 * @param team      the team's quota; null when they are in no team
 */
public record TrainingQuota(Instant weekStart, Instant renewsAt, QuotaUse student, String teamName, QuotaUse team) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    /** The Monday 00:00 (course time) on or before {@code now}. */
    public static Instant weekStart(Instant now, ZoneId zone) {
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(zone).toInstant();
    }

    /** The Monday 00:00 (course time) after {@code now}. */
    public static Instant nextWeekStart(Instant now, ZoneId zone) {
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return monday.atStartOfDay(zone).toInstant();
    }

    /** What both quotas have left. */
    public double remainingSeconds() {
        return team == null ? student.remainingSeconds() : Math.min(student.remainingSeconds(), team.remainingSeconds());
    }

    /** Why a run of this estimate may not start; empty when it may. The time it renews is given in the course's zone. */
    public Optional<String> refusal(long estimateSeconds, ZoneId zone) {
        String renews = " Your quota renews on " + WHEN.format(renewsAt.atZone(zone)) + "; until then choose fewer epochs, larger"
                + " batches or a smaller network.";
        if (!student.allows(estimateSeconds)) {
            return Optional.of("This run needs about " + estimateSeconds + " s of worker time, but you have " + seconds(student.remainingSeconds())
                    + " left this week (" + describe(student) + ")." + renews);
        }
        if (team != null && !team.allows(estimateSeconds)) {
            return Optional.of("This run needs about " + estimateSeconds + " s of worker time, but your team " + teamName + " has "
                    + seconds(team.remainingSeconds()) + " left this week (" + describe(team) + ")." + renews);
        }
        return Optional.empty();
    }

    /** "600 s a week: 540 s used, 30 s held by queued or running runs". */
    static String describe(QuotaUse use) {
        return use.limitSeconds() + " s a week: " + seconds(use.chargedSeconds()) + " used"
                + (use.heldSeconds() > 0 ? ", " + use.heldSeconds() + " s held by queued or running runs" : "");
    }

    /** Whole seconds, rounded down for what is left and up for what is used: "12 s". */
    static String seconds(double s) {
        return (long) Math.floor(s + 1e-9) + " s";
    }
}

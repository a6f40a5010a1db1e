package org.lectern.paper;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.lectern.latepolicy.AcceptsLate;
import org.lectern.latepolicy.ItemRule;
import org.lectern.latepolicy.LateDays;
import org.lectern.latepolicy.LatePolicy;

/**
 * A weekly review is due when the lecture that discusses its paper starts; later ones are late by the course's late
 * policy (days counted by {@link LateDays}, with its grace), refused past the policy's cap or when the item takes no
 * late work at all. Pure.
 */
public final class ReviewRules {

    /** Days late (0: on time), or the refusal in words. */
    public record Verdict(int daysLate, Optional<String> refusal) {
    }

    private ReviewRules() {
    }

    public static Verdict judge(ZonedDateTime due, Instant submittedAt, LatePolicy policy, ItemRule rule) {
        int days = LateDays.count(due, submittedAt, policy);
        if (days == 0) {
            return new Verdict(0, Optional.empty());
        }
        if (rule.acceptsLate() == AcceptsLate.NO && !rule.takesLateDays()) {
            return new Verdict(days, Optional.of("This review was due when the lecture started; the course takes no late reviews."));
        }
        Integer cap = rule.maxDaysLate() != null ? rule.maxDaysLate() : policy.maxDaysLate();
        if (cap != null && days > cap) {
            return new Verdict(days, Optional.of("This review is " + days + " days late; the course takes reviews up to " + cap
                    + " days late."));
        }
        return new Verdict(days, Optional.empty());
    }
}

package org.lectern.latepolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What submitting one item at a given moment would cost, computed by re-running the ledger with that
 * submission, so it can never spend days the student does not have.
 *
 * @param itemKey             the item
 * @param submittedAt         the moment asked about
 * @param dueAt               its deadline after any extension
 * @param status              what that submission would be
 * @param daysLate            days late at that moment
 * @param freeDaysUsed        free days it would use
 * @param daysPenalised       late days left to the penalty
 * @param penaltyPercent      percent of points possible that would be taken off
 * @param daysRemainingBefore free days left as the ledger stands now
 * @param daysRemainingAfter  free days left after that submission
 * @param sameCostUntil       the last instant (grace included) at which submitting costs the same
 *                            days late; null when it would be refused
 * @param itemsLosingFreeDays other items whose free days would move to this one (it is due earlier in
 *                            deadline order, or the optimum shifts); their penalties would grow
 */
public record WhatIf(String itemKey, Instant submittedAt, ZonedDateTime dueAt, LateStatus status, int daysLate,
                     int freeDaysUsed, int daysPenalised, BigDecimal penaltyPercent, int daysRemainingBefore,
                     int daysRemainingAfter, Instant sameCostUntil, List<String> itemsLosingFreeDays) {

    public WhatIf {
        itemsLosingFreeDays = List.copyOf(itemsLosingFreeDays);
    }

    public boolean refused() {
        return status.refused();
    }
}

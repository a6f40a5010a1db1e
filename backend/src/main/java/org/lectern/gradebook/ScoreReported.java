package org.lectern.gradebook;

import java.math.BigDecimal;

/**
 * A feature that grades by itself (a quiz attempt, exercise attempts, poll participation) reports a
 * student's score on one of the course's gradebook items. The gradebook stores it as that item's
 * entry, in the reporter's transaction, replacing the previous one; staff corrections go through an
 * override, which a later report never undoes. Reports for items the policy does not list are kept
 * and count once the item is added.
 *
 * @param source what reported it ("quiz", "exercise", "poll"), kept in the audit log
 */
public record ScoreReported(long courseId, String itemKey, long accountId, BigDecimal score, String source) {
}

package org.lectern.quiz;

import java.math.BigDecimal;

/**
 * A student who has not (yet) passed a must-pass quiz, for staff.
 *
 * @param status not_started, in_progress, awaiting_grading (a finished attempt has short answers to
 *               grade) or not_passed
 */
public record MustPassRow(long accountId, String name, String email, String status, BigDecimal bestScore) {
}

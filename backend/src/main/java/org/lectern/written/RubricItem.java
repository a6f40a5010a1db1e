package org.lectern.written;

import java.math.BigDecimal;

/** One rubric line: its points (a deduction when negative) and the text the student reads when it is applied. */
public record RubricItem(long id, long questionId, int position, BigDecimal points, String text) {
}

package org.lectern.written;

import java.math.BigDecimal;
import java.util.List;

/** What a student reads of a released question: the rubric items applied to them, the adjustment and the comment. */
public record QuestionResult(long questionId, int number, String title, BigDecimal points, BigDecimal score, List<RubricItem> applied,
                             BigDecimal adjustment, String comment) {
}

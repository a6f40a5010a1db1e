package org.lectern.written;

import java.math.BigDecimal;
import java.util.List;

/** What staff send: a question, a rubric item, one student's grade on one question. */
public final class WrittenDrafts {

    private WrittenDrafts() {
    }

    /** @param grading "positive" (default) or "negative" */
    public record Question(Integer number, String title, BigDecimal points, String grading) {
    }

    public record Item(BigDecimal points, String text) {
    }

    /** The rubric items applied (ids of this question's items), the free-form adjustment and comment. */
    public record Grade(List<Long> applied, BigDecimal adjustment, String comment) {
    }
}

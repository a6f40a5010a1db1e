package org.lectern.written;

import java.math.BigDecimal;
import java.util.List;

/** A written question of an assignment with its rubric (staff only; students get the question without it). */
public record WrittenQuestion(long id, long assignmentId, int number, String title, BigDecimal points, RubricScore.Grading grading,
                              List<RubricItem> rubric) {

    public WrittenQuestion withoutRubric() {
        return new WrittenQuestion(id, assignmentId, number, title, points, grading, List.of());
    }
}

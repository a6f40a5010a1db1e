package org.lectern.written;

import java.math.BigDecimal;
import java.util.List;

/**
 * A question's score from the rubric items applied to it: a positively graded question starts at 0 and items add,
 * a negatively graded one starts at its full points and items (usually negative) take away; the free-form
 * adjustment comes last, and the result is held between 0 and the question's points (a pile of deductions never
 * takes points from another question, a bonus item never lifts a question past its points).
 */
public final class RubricScore {

    public enum Grading { POSITIVE, NEGATIVE }

    /** @param unbounded what the items and adjustment add up to before the bounds; {@code bounded} says they applied */
    public record Result(BigDecimal score, BigDecimal unbounded, boolean bounded) {
    }

    private RubricScore() {
    }

    public static Result of(BigDecimal points, Grading grading, List<BigDecimal> applied, BigDecimal adjustment) {
        if (points == null || points.signum() < 0) {
            throw new IllegalArgumentException("a question's points are zero or more");
        }
        BigDecimal sum = grading == Grading.NEGATIVE ? points : BigDecimal.ZERO;
        for (BigDecimal p : applied) {
            sum = sum.add(p);
        }
        if (adjustment != null) {
            sum = sum.add(adjustment);
        }
        BigDecimal score = sum.max(BigDecimal.ZERO).min(points);
        return new Result(score, sum, score.compareTo(sum) != 0);
    }
}

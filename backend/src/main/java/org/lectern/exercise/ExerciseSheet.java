package org.lectern.exercise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One student's page of an exercise: their own instance, their attempts with feedback, and the hints
 * they have earned (one more per wrong attempt). Staff get a preview instance and no attempts.
 */
public record ExerciseSheet(Exercise exercise, String generatorTitle, ExerciseInstance instance, List<Attempt> attempts,
                            int attemptsLeft, BigDecimal bestPoints, Map<String, List<String>> hints, boolean staff) {

    /** One recorded attempt: what was typed per part and how it was judged. */
    public record Attempt(int number, Map<String, String> answers, Feedback feedback) {
    }

    public boolean solved() {
        return attempts.stream().anyMatch(a -> a.feedback().allCorrect());
    }

    /** Explanations are shown once the student cannot change the outcome any more. */
    public boolean finished() {
        return attemptsLeft == 0 || solved();
    }
}

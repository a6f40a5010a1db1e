package org.lectern.exercise;

import java.util.Objects;

/**
 * A wrong answer a student reaches by a known slip (no padding, a flipped kernel, the N-1 variance),
 * and the feedback that names the slip. The checker shows it when the whole submitted answer matches
 * this one within the part's tolerance.
 */
public record CommonMistake(Answer answer, String feedback) {

    public CommonMistake {
        Objects.requireNonNull(answer, "answer");
        if (feedback == null || feedback.isBlank()) {
            throw new IllegalArgumentException("a common mistake needs feedback");
        }
    }
}

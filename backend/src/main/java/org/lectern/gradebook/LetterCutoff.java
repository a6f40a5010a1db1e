package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.Objects;

/** The lowest total percent (as displayed, 2 decimals) that earns {@code letter}. */
public record LetterCutoff(String letter, BigDecimal minPercent) {

    public LetterCutoff {
        if (letter == null || letter.isBlank()) {
            throw new IllegalArgumentException("a cutoff needs a letter");
        }
        Objects.requireNonNull(minPercent, "minPercent");
        if (minPercent.signum() < 0) {
            throw new IllegalArgumentException(letter + ": a cutoff must not be negative: " + minPercent);
        }
    }

    public static LetterCutoff of(String letter, String minPercent) {
        return new LetterCutoff(letter, new BigDecimal(minPercent));
    }
}

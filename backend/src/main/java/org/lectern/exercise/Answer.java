package org.lectern.exercise;

import java.util.Objects;

/**
 * A part's answer: what a student submits, and what the part expects. Numbers (a scalar, a vector or
 * a matrix, see {@link NumberGrid}) or the index of a choice.
 */
public sealed interface Answer {

    record Numeric(NumberGrid values) implements Answer {
        public Numeric {
            Objects.requireNonNull(values, "values");
        }
    }

    /** The 0-based index of the chosen option. */
    record Choice(int index) implements Answer {
        public Choice {
            if (index < 0) {
                throw new IllegalArgumentException("a choice index is not negative: " + index);
            }
        }
    }

    static Numeric number(double value) {
        return new Numeric(NumberGrid.scalar(value));
    }

    static Numeric vector(double... values) {
        return new Numeric(NumberGrid.vector(values));
    }

    static Numeric matrix(double[][] values) {
        return new Numeric(NumberGrid.matrix(values));
    }

    static Numeric matrix(int[][] values) {
        return new Numeric(NumberGrid.matrix(values));
    }

    static Choice choice(int index) {
        return new Choice(index);
    }
}

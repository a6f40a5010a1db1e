package org.lectern.exercise;

import java.util.HashSet;
import java.util.List;

/**
 * What a part's answer looks like, so the UI can draw one box, a row of boxes, a grid of boxes
 * (cell by cell) or a list of options: a number ({@link Scalar}), a {@link Vector}, a
 * {@link Matrix} or a {@link Choice}.
 */
public sealed interface AnswerShape {

    /** One number. */
    record Scalar() implements AnswerShape {
    }

    record Vector(int length) implements AnswerShape {
        public Vector {
            if (length < 1) {
                throw new IllegalArgumentException("a vector needs at least one entry: " + length);
            }
        }
    }

    record Matrix(int rows, int cols) implements AnswerShape {
        public Matrix {
            if (rows < 1 || cols < 1) {
                throw new IllegalArgumentException("a matrix needs at least one cell: " + rows + "x" + cols);
            }
        }
    }

    /** Exactly one of the options; they may hold KaTeX and must differ from each other. */
    record Choice(List<String> options) implements AnswerShape {
        public Choice {
            options = List.copyOf(options);
            if (options.size() < 2) {
                throw new IllegalArgumentException("a choice needs at least two options: " + options);
            }
            if (new HashSet<>(options).size() != options.size()) {
                throw new IllegalArgumentException("options repeat: " + options);
            }
        }
    }

    static Scalar number() {
        return new Scalar();
    }

    static Vector vector(int length) {
        return new Vector(length);
    }

    static Matrix matrix(int rows, int cols) {
        return new Matrix(rows, cols);
    }

    static Choice choice(List<String> options) {
        return new Choice(options);
    }

    static Choice choice(String... options) {
        return new Choice(List.of(options));
    }

    /** How many cells are marked separately: 1 for a number or a choice. */
    default int cellCount() {
        return switch (this) {
            case Scalar s -> 1;
            case Vector v -> v.length();
            case Matrix m -> m.rows() * m.cols();
            case Choice c -> 1;
        };
    }

    /** For messages: "a number", "3 numbers", "a 2 x 3 matrix", "one of 4 options". */
    default String describe() {
        return switch (this) {
            case Scalar s -> "a number";
            case Vector v -> v.length() == 1 ? "1 number" : v.length() + " numbers";
            case Matrix m -> "a " + m.rows() + " x " + m.cols() + " matrix";
            case Choice c -> "one of " + c.options().size() + " options";
        };
    }

    /** Whether an answer has this shape: the right form and size, or a choice index in range. */
    default boolean fits(Answer answer) {
        return switch (this) {
            case Choice c -> answer instanceof Answer.Choice(int index) && index >= 0 && index < c.options().size();
            case Scalar s -> answer instanceof Answer.Numeric(NumberGrid g) && g.form() == NumberGrid.Form.SCALAR;
            case Vector v -> answer instanceof Answer.Numeric(NumberGrid g) && g.form() == NumberGrid.Form.VECTOR
                    && g.size() == v.length();
            case Matrix m -> answer instanceof Answer.Numeric(NumberGrid g) && g.form() == NumberGrid.Form.MATRIX
                    && g.rows() == m.rows() && g.cols() == m.cols();
        };
    }
}

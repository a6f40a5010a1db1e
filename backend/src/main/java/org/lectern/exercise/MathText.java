package org.lectern.exercise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/** Numbers, vectors and matrices as KaTeX source, for prompts, hints and explanations. */
public final class MathText {

    private MathText() {
    }

    /** At most 4 decimals, trailing zeros dropped: 3, -0.25, 0.1311. */
    public static String number(double value) {
        return number(value, 4);
    }

    /** At most {@code decimals} decimals, trailing zeros dropped; never "-0". */
    public static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }

    /** A scalar as a number, a vector as a column, a matrix as a {@code bmatrix}. */
    public static String of(NumberGrid grid) {
        return switch (grid.form()) {
            case SCALAR -> number(grid.scalarValue());
            case VECTOR, MATRIX -> matrix(grid.toMatrix());
        };
    }

    public static String matrix(double[][] rows) {
        return Arrays.stream(rows)
                .map(row -> Arrays.stream(row).mapToObj(MathText::number).collect(Collectors.joining(" & ")))
                .collect(Collectors.joining(" \\\\ ", "\\begin{bmatrix} ", " \\end{bmatrix}"));
    }

    public static String matrix(int[][] rows) {
        return matrix(Mat.of(rows));
    }

    public static String columnVector(double... values) {
        return DoubleStream.of(values).mapToObj(MathText::number)
                .collect(Collectors.joining(" \\\\ ", "\\begin{bmatrix} ", " \\end{bmatrix}"));
    }

    public static String rowVector(double... values) {
        return DoubleStream.of(values).mapToObj(MathText::number)
                .collect(Collectors.joining(" & ", "\\begin{bmatrix} ", " \\end{bmatrix}"));
    }

    /** {@code (1, -2)}: a point or a short vector inside running text. */
    public static String tuple(double... values) {
        return DoubleStream.of(values).mapToObj(MathText::number).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A number in a sum, in parentheses when negative: {@code 2 \cdot (-1)}. */
    static String term(double value) {
        return value < 0 ? "(" + number(value) + ")" : number(value);
    }
}

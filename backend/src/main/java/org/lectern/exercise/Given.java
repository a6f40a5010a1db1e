package org.lectern.exercise;

import java.util.List;
import java.util.Objects;

/**
 * A named value the student is given, kept apart from the prompt so that the UI can render matrices
 * as grids. The label may hold KaTeX ({@code "Kernel $K$"}). Optional row and column labels name
 * the rows (e.g. each training point and its class) and the columns ({@code "$x_1$"}); for a vector
 * the row labels name its entries. Either list is empty or as long as the value's rows or columns.
 */
public record Given(String label, NumberGrid value, List<String> rowLabels, List<String> columnLabels) {

    public Given {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a given needs a label");
        }
        Objects.requireNonNull(value, "value");
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        if (!rowLabels.isEmpty() && rowLabels.size() != value.rows()) {
            throw new IllegalArgumentException(label + ": " + rowLabels.size() + " row labels for " + value.rows() + " rows");
        }
        if (!columnLabels.isEmpty() && columnLabels.size() != value.cols()) {
            throw new IllegalArgumentException(label + ": " + columnLabels.size() + " column labels for " + value.cols() + " columns");
        }
    }

    public Given(String label, NumberGrid value) {
        this(label, value, List.of(), List.of());
    }

    public static Given scalar(String label, double value) {
        return new Given(label, NumberGrid.scalar(value));
    }

    public static Given vector(String label, double... values) {
        return new Given(label, NumberGrid.vector(values));
    }

    public static Given vector(String label, int... values) {
        return new Given(label, NumberGrid.vector(values));
    }

    public static Given matrix(String label, double[][] values) {
        return new Given(label, NumberGrid.matrix(values));
    }

    public static Given matrix(String label, int[][] values) {
        return new Given(label, NumberGrid.matrix(values));
    }
}

package org.lectern.exercise;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable scalar, vector or matrix of finite doubles, stored row-major. A vector is a column:
 * {@code rows() == length}, {@code cols() == 1}. The form is kept apart from the shape so that a
 * 1x1 matrix, a 1-vector and a scalar still render differently.
 * <p>Equality is by form, shape and values, so two instances generated from the same seed are
 * equal. Negative zero is stored as zero: it would otherwise render as "-0" and break equality.
 */
public final class NumberGrid {

    public enum Form { SCALAR, VECTOR, MATRIX }

    private final Form form;
    private final int rows;
    private final int cols;
    private final double[] cells;

    private NumberGrid(Form form, int rows, int cols, double[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (!Double.isFinite(cells[i])) {
                throw new IllegalArgumentException("not a finite number at cell " + i + ": " + cells[i]);
            }
            if (cells[i] == 0.0) {
                cells[i] = 0.0;
            }
        }
        this.form = form;
        this.rows = rows;
        this.cols = cols;
        this.cells = cells;
    }

    public static NumberGrid scalar(double value) {
        return new NumberGrid(Form.SCALAR, 1, 1, new double[] {value});
    }

    public static NumberGrid vector(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a vector needs at least one entry");
        }
        return new NumberGrid(Form.VECTOR, values.length, 1, values.clone());
    }

    public static NumberGrid vector(int... values) {
        return vector(Arrays.stream(values).asDoubleStream().toArray());
    }

    public static NumberGrid matrix(double[][] values) {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one cell");
        }
        int cols = values[0].length;
        double[] cells = new double[values.length * cols];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + values[r].length + " cells, row 0 has " + cols);
            }
            System.arraycopy(values[r], 0, cells, r * cols, cols);
        }
        return new NumberGrid(Form.MATRIX, values.length, cols, cells);
    }

    public static NumberGrid matrix(int[][] values) {
        return matrix(Arrays.stream(values).map(row -> Arrays.stream(row).asDoubleStream().toArray()).toArray(double[][]::new));
    }

    public Form form() {
        return form;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of cells: 1 for a scalar, the length of a vector, rows x cols of a matrix. */
    public int size() {
        return cells.length;
    }

    public double get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return cells[row * cols + col];
    }

    /** The cell at a row-major index (the entry of a vector). */
    public double get(int index) {
        return cells[Objects.checkIndex(index, cells.length)];
    }

    public double scalarValue() {
        if (form != Form.SCALAR) {
            throw new IllegalStateException("not a scalar: " + this);
        }
        return cells[0];
    }

    /** All cells, row-major (a copy). */
    public double[] toArray() {
        return cells.clone();
    }

    /** The cells as rows (a copy); a vector gives one row per entry. */
    public double[][] toMatrix() {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(cells, r * cols, out[r], 0, cols);
        }
        return out;
    }

    public boolean sameShape(NumberGrid other) {
        return form == other.form && rows == other.rows && cols == other.cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberGrid g && sameShape(g) && Arrays.equals(cells, g.cells);
    }

    @Override
    public int hashCode() {
        return Objects.hash(form, rows, cols, Arrays.hashCode(cells));
    }

    @Override
    public String toString() {
        return switch (form) {
            case SCALAR -> MathText.number(cells[0], 6);
            case VECTOR -> Arrays.toString(cells);
            case MATRIX -> Arrays.deepToString(toMatrix());
        };
    }
}

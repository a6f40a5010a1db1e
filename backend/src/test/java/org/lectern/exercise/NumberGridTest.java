package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberGridTest {

    @Test
    void shapes() {
        NumberGrid scalar = NumberGrid.scalar(2);
        NumberGrid vector = NumberGrid.vector(1, 2, 3);
        NumberGrid matrix = NumberGrid.matrix(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(List.of(scalar.rows(), scalar.cols(), scalar.size())).containsExactly(1, 1, 1);
        assertThat(List.of(vector.rows(), vector.cols(), vector.size())).containsExactly(3, 1, 3);
        assertThat(List.of(matrix.rows(), matrix.cols(), matrix.size())).containsExactly(2, 3, 6);
        assertThat(matrix.get(1, 0)).isEqualTo(4);
        assertThat(matrix.get(5)).isEqualTo(6);
        assertThat(vector.toMatrix()).isDeepEqualTo(new double[][] {{1}, {2}, {3}});
        assertThat(scalar.scalarValue()).isEqualTo(2);
        assertThatThrownBy(vector::scalarValue).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void equalityIsByFormShapeAndValues() {
        assertThat(NumberGrid.vector(1, 2)).isEqualTo(NumberGrid.vector(1.0, 2.0)).hasSameHashCodeAs(NumberGrid.vector(1, 2));
        assertThat(NumberGrid.vector(1)).isNotEqualTo(NumberGrid.scalar(1)).isNotEqualTo(NumberGrid.matrix(new int[][] {{1}}));
        assertThat(NumberGrid.matrix(new int[][] {{1, 2}})).isNotEqualTo(NumberGrid.matrix(new int[][] {{1}, {2}}));
        // 0 * -1 is -0.0, which would otherwise print as "-0" and differ from 0.
        assertThat(NumberGrid.scalar(0 * -1.0)).isEqualTo(NumberGrid.scalar(0));
    }

    @Test
    void isImmutable() {
        double[][] source = {{1, 2}, {3, 4}};
        NumberGrid grid = NumberGrid.matrix(source);
        source[0][0] = 9;
        grid.toMatrix()[1][1] = 9;
        grid.toArray()[1] = 9;
        assertThat(grid).isEqualTo(NumberGrid.matrix(new int[][] {{1, 2}, {3, 4}}));
    }

    @Test
    void refusesBadNumbersAndShapes() {
        assertThatThrownBy(() -> NumberGrid.scalar(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberGrid.vector(1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberGrid.vector(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberGrid.matrix(new double[][] {{1, 2}, {3}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Given("x", NumberGrid.vector(1, 2), List.of("only one"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "3.0, 3",
            "-0.25, -0.25",
            "0.13114, 0.1311",
            "0.99996, 1",
            "-0.0, 0",
            "0.00000001, 0",
            "2500000, 2500000",
            "60.75, 60.75",
    })
    void formatsNumbers(double value, String text) {
        assertThat(MathText.number(value)).isEqualTo(text);
    }

    @Test
    void rendersKatex() {
        assertThat(MathText.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(MathText.matrix(new int[][] {{1, 2}, {3, 4}})).isEqualTo("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}");
        assertThat(MathText.of(NumberGrid.vector(1, -2))).isEqualTo("\\begin{bmatrix} 1 \\\\ -2 \\end{bmatrix}");
        assertThat(MathText.of(NumberGrid.scalar(0.5))).isEqualTo("0.5");
        assertThat(MathText.rowVector(1, 2.5)).isEqualTo("\\begin{bmatrix} 1 & 2.5 \\end{bmatrix}");
        assertThat(MathText.tuple(1, -2)).isEqualTo("(1, -2)");
        assertThat(MathText.term(-3)).isEqualTo("(-3)");
    }
}

package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Expected values from scikit-learn 1.2 (accuracy_score, f1_score(average='macro'), top_k_accuracy_score). */
class MetricsTest {

    static Stream<Arguments> accuracy() {
        return Stream.of(
                Arguments.of(new int[] {0, 1, 2, 2}, new int[] {0, 1, 1, 2}, 0.75),
                Arguments.of(new int[] {1, 1, 1}, new int[] {1, 1, 1}, 1.0),
                Arguments.of(new int[] {0, 0}, new int[] {1, 1}, 0.0),
                Arguments.of(new int[] {-1, 2}, new int[] {0, 2}, 0.5));
    }

    @ParameterizedTest
    @MethodSource
    void accuracy(int[] predicted, int[] labels, double expected) {
        assertThat(Metrics.accuracy(predicted, labels)).isEqualTo(expected);
    }

    static Stream<Arguments> macroF1() {
        return Stream.of(
                // y_true, y_pred, f1_score(y_true, y_pred, average="macro")
                Arguments.of(new int[] {0, 1, 2, 0, 1, 2}, new int[] {0, 2, 1, 0, 0, 1}, 0.26666666666666666),
                Arguments.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1}, 1.0),
                Arguments.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0}, 0.3333333333333333),
                // class 3 is predicted but never true: it counts, with F1 0
                Arguments.of(new int[] {0, 1, 1, 1}, new int[] {0, 1, 1, 3}, 0.6),
                Arguments.of(new int[] {2, 2, 2, 0}, new int[] {2, 2, 0, 0}, 0.7333333333333334),
                Arguments.of(new int[] {0, 1, 2, 3, 4, 0}, new int[] {0, 1, 2, 3, 4, 1}, 0.8666666666666666));
    }

    @ParameterizedTest
    @MethodSource
    void macroF1(int[] labels, int[] predicted, double expected) {
        // 10 classes, most of them absent from both: absent classes do not dilute the mean.
        assertThat(Metrics.macroF1(predicted, labels, 10)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void macroF1CountsNoPredictionAsAMissForTheLabelOnly() {
        // Class 0: TP 1, FN 1 → 2/3. Class 1: TP 1 → 1. No class for -1.
        assertThat(Metrics.macroF1(new int[] {0, -1, 1}, new int[] {0, 0, 1}, 3)).isCloseTo(5.0 / 6, within(1e-15));
    }

    private static final float[] SCORES = {
            0.1f, 0.5f, 0.4f,
            0.7f, 0.2f, 0.1f,
            0.3f, 0.25f, 0.4f,
            0.2f, 0.5f, 0.3f};
    private static final int[] LABELS = {2, 1, 0, 0};

    static Stream<Arguments> topK() {
        // sklearn.metrics.top_k_accuracy_score(LABELS, SCORES, k=k): 0.0, 0.75, 1.0
        return Stream.of(Arguments.of(1, 0.0), Arguments.of(2, 0.75), Arguments.of(3, 1.0));
    }

    @ParameterizedTest
    @MethodSource
    void topK(int k, double expected) {
        assertThat(Metrics.topKAccuracy(SCORES, 3, LABELS, k)).isEqualTo(expected);
    }

    static Stream<Arguments> ties() {
        return Stream.of(
                // scores, label, k, counted: equal scores rank by index, lower first
                Arguments.of(new float[] {1, 1, 1}, 0, 1, true),
                Arguments.of(new float[] {1, 1, 1}, 2, 1, false),
                Arguments.of(new float[] {1, 1, 1}, 2, 2, false),
                Arguments.of(new float[] {1, 1, 1}, 2, 3, true),
                Arguments.of(new float[] {0, 2, 2}, 2, 2, true),
                // NaN never ranks ahead, and a NaN label never counts
                Arguments.of(new float[] {Float.NaN, 0, 1}, 1, 2, true),
                Arguments.of(new float[] {Float.NaN, 0, 1}, 0, 3, false));
    }

    @ParameterizedTest
    @MethodSource
    void ties(float[] scores, int label, int k, boolean counted) {
        assertThat(Metrics.topKAccuracy(scores, scores.length, new int[] {label}, k)).isEqualTo(counted ? 1.0 : 0.0);
    }

    static Stream<Arguments> argmax() {
        return Stream.of(
                Arguments.of(new float[] {0.1f, 0.9f, 0.9f}, 1),
                Arguments.of(new float[] {-3, -1, -2}, 1),
                Arguments.of(new float[] {Float.NaN, -1, -2}, 1),
                Arguments.of(new float[] {Float.NaN, Float.NaN}, -1),
                Arguments.of(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 0),
                Arguments.of(new float[] {5, Float.POSITIVE_INFINITY}, 1));
    }

    @ParameterizedTest
    @MethodSource
    void argmax(float[] scores, int expected) {
        assertThat(Metrics.argmax(scores, 0, scores.length)).isEqualTo(expected);
    }

    @Test
    void topOneEqualsAccuracy() {
        float[] scores = {0.2f, 0.2f, 0.6f, 0.6f, 0.1f, 0.1f, 0.3f, 0.3f};
        int[] labels = {0, 0, 1, 1};
        assertThat(Metrics.topKAccuracy(scores, 2, labels, 1))
                .isEqualTo(Metrics.accuracy(Metrics.predictions(scores, 2), labels));
    }

    @Test
    void metricNamesAndDispatch() {
        assertThat(Metric.accuracy().displayName()).isEqualTo("accuracy");
        assertThat(Metric.topK(5).displayName()).isEqualTo("top-5 accuracy");
        assertThat(Metric.macroF1().displayName()).isEqualTo("macro-F1");
        assertThat(Metric.topK(2).score(SCORES, 3, LABELS)).isEqualTo(0.75);
        assertThatThrownBy(() -> new Metric(Metric.Kind.ACCURACY, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mismatchedInputsAreRefused() {
        assertThatThrownBy(() -> Metrics.accuracy(new int[] {1}, new int[] {1, 2}))
                .hasMessage("1 predictions for 2 labels");
        assertThatThrownBy(() -> Metrics.accuracy(new int[0], new int[0])).hasMessage("no images to score");
        assertThatThrownBy(() -> Metrics.topKAccuracy(new float[5], 2, new int[] {0, 1}, 1))
                .hasMessage("5 scores are not rows of 2");
        assertThatThrownBy(() -> Metrics.macroF1(new int[] {0}, new int[] {7}, 3))
                .hasMessage("label 7 is outside 0..2");
    }
}

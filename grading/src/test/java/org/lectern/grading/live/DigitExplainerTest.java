package org.lectern.grading.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.EvaluationData;
import org.lectern.grading.model.EvaluatorOptions;
import org.lectern.grading.model.Fixtures;
import org.lectern.grading.model.LoadedModel;
import org.lectern.grading.model.ModelEvaluator;

/** The explained model in this JVM, against the assignment's CNN and the training split. */
class DigitExplainerTest {

    private static DigitExplainer explainer;
    private static EvaluationData train;

    @BeforeAll
    static void load() throws Exception {
        explainer = DigitExplainer.load(Fixtures.model("digits-cnn-explained.onnx"), DevicePreference.CPU, 1, null);
        train = EvaluationData.load(Fixtures.models().resolve("digits-train"));
    }

    @AfterAll
    static void close() {
        explainer.close();
    }

    private static float[] image(int i) {
        return train.image(i);
    }

    @Test
    void itRecognisesTrainingDigitsWithProbabilitiesThatSumToOne() throws Exception {
        int correct = 0;
        for (int i = 0; i < 40; i++) {
            Explanation e = explainer.explain(image(i));
            double total = 0;
            for (float p : e.probabilities()) {
                total += p;
            }
            assertThat(total).isCloseTo(1.0, within(1e-5));
            if (e.predicted() == train.label(i)) {
                correct++;
            }
            assertThat(e.device()).isEqualTo("cpu");
        }
        assertThat(correct).isGreaterThanOrEqualTo(38);
    }

    @Test
    void itIsTheAssignmentsCnnTheSameProbabilities() throws Exception {
        try (LoadedModel cnn = new ModelEvaluator(EvaluatorOptions.DEFAULT.withDevice(DevicePreference.CPU))
                .load(Fixtures.model("digits-cnn.onnx"), Fixtures.DIGITS)) {
            for (int i = 0; i < 10; i++) {
                float[] expected = DigitExplainer.softmax(cnn.scores(image(i)), 0, 10);
                assertThat(explainer.explain(image(i)).probabilities()).containsExactly(expected, within(1e-5f));
            }
        }
    }

    @Test
    void theFirstLayerShowsSixteenThreeByThreeFiltersAndTheirReluMaps() throws Exception {
        Explanation e = explainer.explain(image(3));
        assertThat(e.filterCount()).isEqualTo(16);
        assertThat(e.kernel()).isEqualTo(3);
        assertThat(e.filters()).hasSize(16 * 9);
        assertThat(e.activations()).hasSize(16 * 64);
        for (float v : e.activations()) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
        // A blank image: each map is its filter's ReLU(bias) everywhere, the same value in every pixel.
        Explanation blank = explainer.explain(new float[64]);
        for (int f = 0; f < 16; f++) {
            for (int i = 1; i < 64; i++) {
                assertThat(blank.activations()[f * 64 + i]).isEqualTo(blank.activations()[f * 64]);
            }
        }
    }

    @Test
    void coveringBlankPaperChangesNothingCoveringTheStrokesDoes() throws Exception {
        float[] digit = image(0);
        Explanation e = explainer.explain(digit);
        boolean anyDrop = false;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                if (allPatchesBlank(digit, y, x)) {
                    assertThat(e.occlusion()[y * 8 + x]).as("pixel (%d,%d)", y, x).isEqualTo(0f);
                }
                anyDrop |= e.occlusion()[y * 8 + x] > 0.01f;
            }
        }
        assertThat(anyDrop).as("some pixels matter").isTrue();
    }

    /** Whether every 2×2 patch covering (y, x) holds only zeros, so occluding it changes no input. */
    private static boolean allPatchesBlank(float[] digit, int y, int x) {
        for (int py = Math.max(0, y - 1); py <= Math.min(6, y); py++) {
            for (int px = Math.max(0, x - 1); px <= Math.min(6, x); px++) {
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        if (digit[(py + dy) * 8 + px + dx] != 0f) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}

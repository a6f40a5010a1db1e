package org.lectern.grading.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingCostTest {

    private static TrainingConfig config(String architecture, int batch, int epochs) {
        return TrainingConfig.of(architecture, "adam", 1e-3, batch, 0.0, epochs, null);
    }

    private static long estimate(String architecture, int batch, int epochs) {
        return TrainingCost.estimateSeconds(TrainingDataset.DIGITS, config(architecture, batch, epochs));
    }

    @ParameterizedTest
    @CsvSource({
            // the fit's whole-run figures on the 2-core VM (docs/BENCHMARKS.md), rounded up to seconds
            "linear, 64, 1, 2",
            "mlp1-64, 64, 15, 2",
            "mlp2-128, 16, 20, 4",
            "cnn-16, 32, 10, 3",
            "mlp2-128, 1, 50, 42",
            "cnn-16, 1, 50, 37"})
    void estimates(String architecture, int batch, int epochs, long seconds) {
        assertThat(estimate(architecture, batch, epochs)).isEqualTo(seconds);
    }

    @Test
    void moreWorkCostsMore() {
        assertThat(estimate("mlp1-64", 8, 50)).isGreaterThan(estimate("mlp1-64", 8, 5));
        assertThat(estimate("mlp1-64", 1, 10)).isGreaterThan(estimate("mlp1-64", 128, 10));
        assertThat(epoch("mlp2-64", 8)).isGreaterThan(epoch("mlp1-64", 8));
        assertThat(epoch("cnn-16", 32)).isGreaterThan(epoch("cnn-8", 32)).isGreaterThan(epoch("linear", 32));
        assertThat(epoch("mlp1-128", 32)).isGreaterThan(epoch("mlp1-16", 32));
    }

    private static double epoch(String architecture, int batch) {
        return TrainingCost.epochSeconds(TrainingDataset.DIGITS, config(architecture, batch, 1));
    }

    @Test
    void everyRunCostsAtLeastTheWorkersStart() {
        assertThat(estimate("linear", 512, 1)).isGreaterThanOrEqualTo((long) Math.ceil(TrainingCost.STARTUP_SECONDS));
    }
}

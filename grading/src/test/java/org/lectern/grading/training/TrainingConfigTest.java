package org.lectern.grading.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TrainingConfigTest {

    /** architecture, optimizer, lr, batch, weight decay, epochs, seed → the message's telling part. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(null, "adam", 1e-3, 64, 0.0, 5, null, "Choose an architecture."),
                Arguments.of("resnet50", "adam", 1e-3, 64, 0.0, 5, null, "There is no architecture 'resnet50'; choose one of linear, mlp1-16"),
                Arguments.of("mlp1-65", "adam", 1e-3, 64, 0.0, 5, null, "There is no architecture 'mlp1-65'"),
                Arguments.of("mlp1-64", "", 1e-3, 64, 0.0, 5, null, "Choose an optimizer."),
                Arguments.of("mlp1-64", "rmsprop", 1e-3, 64, 0.0, 5, null, "There is no optimizer 'rmsprop'; choose sgd, sgd-momentum or adam."),
                Arguments.of("mlp1-64", "adam", null, 64, 0.0, 5, null, "Give a learning rate"),
                Arguments.of("mlp1-64", "adam", 0.0, 64, 0.0, 5, null, "The learning rate must be greater than 0 and at most 10 (you gave 0)."),
                Arguments.of("mlp1-64", "adam", -0.1, 64, 0.0, 5, null, "(you gave -0.1)"),
                Arguments.of("mlp1-64", "adam", 10.5, 64, 0.0, 5, null, "at most 10 (you gave 10.5)"),
                Arguments.of("mlp1-64", "adam", Double.NaN, 64, 0.0, 5, null, "(you gave NaN)"),
                Arguments.of("mlp1-64", "adam", 1e-3, null, 0.0, 5, null, "Give a batch size"),
                Arguments.of("mlp1-64", "adam", 1e-3, 0, 0.0, 5, null, "The batch size must be from 1 to 512 (you gave 0)."),
                Arguments.of("mlp1-64", "adam", 1e-3, 513, 0.0, 5, null, "(you gave 513)"),
                Arguments.of("mlp1-64", "adam", 1e-3, 64, -1e-4, 5, null, "The weight decay must be from 0 to 1 (you gave -0.0001)"),
                Arguments.of("mlp1-64", "adam", 1e-3, 64, 2.0, 5, null, "(you gave 2)"),
                Arguments.of("mlp1-64", "adam", 1e-3, 64, 0.0, null, null, "Give the number of epochs, 1 to 50."),
                Arguments.of("mlp1-64", "adam", 1e-3, 64, 0.0, 0, null, "Epochs must be from 1 to 50 (you gave 0)."),
                Arguments.of("mlp1-64", "adam", 1e-3, 64, 0.0, 51, null, "(you gave 51)"),
                Arguments.of("mlp1-64", "adam", 1e-3, 64, 0.0, 5, -1L, "The seed must be from 0 to 2147483647 (you gave -1)."));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void badInputIsRefusedWithAClearMessage(String architecture, String optimizer, Double lr, Integer batch, Double wd, Integer epochs,
                                            Long seed, String message) {
        assertThatThrownBy(() -> TrainingConfig.of(architecture, optimizer, lr, batch, wd, epochs, seed))
                .isInstanceOf(TrainingConfig.InvalidException.class)
                .hasMessageContaining(message);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        var e = (TrainingConfig.InvalidException) org.assertj.core.api.Assertions.catchThrowable(
                () -> TrainingConfig.of("resnet", "adam", 100.0, 0, 0.0, 1000, null));
        assertThat(e.problems()).hasSize(4);
    }

    @ParameterizedTest
    @CsvSource({
            "linear, sgd, 0.1, 1, 0, 1, , SGD, 42",
            "mlp2-128, SGD_MOMENTUM, 10, 512, 1, 50, 7, SGD_MOMENTUM, 7",
            "cnn-8, Adam, 1e-5, 64, 0.0001, 15, 2147483647, ADAM, 2147483647"})
    void limitsAreInclusive(String architecture, String optimizer, double lr, int batch, double wd, int epochs, Long seed,
                            OptimizerKind kind, long expectedSeed) {
        TrainingConfig c = TrainingConfig.of(architecture, optimizer, lr, batch, wd, epochs, seed);
        assertThat(c.optimizer()).isEqualTo(kind);
        assertThat(c.seed()).isEqualTo(expectedSeed);
        assertThat(c.architecture().key()).isEqualTo(architecture);
    }

    @Test
    void theConstructorChecksToo() {
        assertThatThrownBy(() -> new TrainingConfig(Architecture.mlp1(65), OptimizerKind.SGD, 0.1, 8, 0, 1, 1))
                .hasMessage("MLP, one hidden layer (ReLU) comes with hidden units [16, 32, 64, 128], not 65.");
        assertThatThrownBy(() -> new TrainingConfig(Architecture.linear(), null, 0.1, 8, 0, 1, 1)).hasMessage("Choose an optimizer.");
    }

    @ParameterizedTest
    @CsvSource({"0.001, 0.001", "0.0001, 0.0001", "1e-5, 0.00001", "1e-7, 1e-07", "1.5e-8, 1.5e-08", "10, 10", "0.1, 0.1", "2.5, 2.5"})
    void numbersReadAsPeopleWriteThem(double value, String text) {
        assertThat(TrainingConfig.number(value)).isEqualTo(text);
    }

    @Test
    void describesItself() {
        assertThat(TrainingPreset.TRAIN_LONGER.config().describe()).isEqualTo("Adam, lr 0.001, batch 64, weight decay 0.0001, 15 epochs");
        assertThat(TrainingPreset.SANITY_CHECK.config().describe()).isEqualTo("SGD, lr 0.1, batch 64, weight decay 0, 1 epoch");
        assertThat(TrainingPreset.all()).extracting(TrainingPreset::key).doesNotHaveDuplicates();
        assertThat(TrainingPreset.byKey("recipe-4")).contains(TrainingPreset.COARSE_SEARCH);
    }
}

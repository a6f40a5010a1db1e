package org.lectern.grading.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchitectureTest {

    /** Parameters as PyTorch counts them for 1×8×8 images and 10 classes (weights and biases). */
    static Stream<Arguments> parameters() {
        return Stream.of(
                Arguments.of("linear", 64 * 10 + 10),
                Arguments.of("mlp1-16", 64 * 16 + 16 + 16 * 10 + 10),
                Arguments.of("mlp1-64", 64 * 64 + 64 + 64 * 10 + 10),
                Arguments.of("mlp2-32", 64 * 32 + 32 + 32 * 32 + 32 + 32 * 10 + 10),
                Arguments.of("mlp2-128", 64 * 128 + 128 + 128 * 128 + 128 + 128 * 10 + 10),
                Arguments.of("cnn-8", 9 * 8 + 8 + 8 * 4 * 4 * 10 + 10),
                Arguments.of("cnn-16", 9 * 16 + 16 + 16 * 4 * 4 * 10 + 10));
    }

    @ParameterizedTest
    @MethodSource("parameters")
    void parameterCounts(String key, long expected) {
        Architecture a = Architecture.parse(key).orElseThrow();
        assertThat(a.key()).isEqualTo(key);
        assertThat(a.parameters(1, 8, 8, 10)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "linear, LINEAR, 0, Linear",
            "' MLP1-32 ', MLP1, 32, MLP 32",
            "mlp2-128, MLP2, 128, MLP 2×128",
            "cnn-16, CNN, 16, CNN 16"})
    void keysAreRead(String key, Architecture.Kind kind, int width, String shortLabel) {
        Architecture a = Architecture.parse(key).orElseThrow();
        assertThat(a.kind()).isEqualTo(kind);
        assertThat(a.width()).isEqualTo(width);
        assertThat(a.shortLabel()).isEqualTo(shortLabel);
        assertThat(a.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "resnet", "mlp1", "mlp1-", "mlp1-65", "mlp1-x", "cnn-32", "linear-10", "mlp3-64"})
    void unknownKeysAndWidthsAreRefused(String key) {
        assertThat(Architecture.parse(key)).isEmpty();
    }

    @Test
    void everyChoiceIsListedOnceAndRoundTrips() {
        assertThat(Architecture.all()).hasSize(1 + 4 + 4 + 2).doesNotHaveDuplicates()
                .allSatisfy(a -> assertThat(Architecture.parse(a.key())).contains(a));
        assertThat(Architecture.parse(null)).isEmpty();
    }

    @Test
    void biggerNetworksCostMoreMultiplyAdds() {
        assertThat(Architecture.mlp1(128).multiplyAdds(1, 8, 8, 10)).isGreaterThan(Architecture.mlp1(16).multiplyAdds(1, 8, 8, 10));
        assertThat(Architecture.mlp2(64).multiplyAdds(1, 8, 8, 10)).isGreaterThan(Architecture.mlp1(64).multiplyAdds(1, 8, 8, 10));
        assertThat(Architecture.cnn(8).multiplyAdds(1, 8, 8, 10)).isEqualTo(8 * 8 * 8 * 9 + 4 * 4 * 8 * 10);
        assertThat(Architecture.linear().multiplyAdds(1, 8, 8, 10)).isEqualTo(640);
    }
}

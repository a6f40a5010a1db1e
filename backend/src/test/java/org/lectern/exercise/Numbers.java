package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Comparing computed doubles with hand-computed ones, which carry 4 to 6 decimals. */
final class Numbers {

    static final double HAND = 1e-4;

    private Numbers() {
    }

    static void assertClose(double[] actual, double... expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("entry %d of %s", i, java.util.Arrays.toString(actual)).isCloseTo(expected[i], within(HAND));
        }
    }

    static void assertClose(double[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertClose(actual[r], expected[r]);
        }
    }

    static void assertClose(NumberGrid actual, double... expected) {
        assertClose(actual.toArray(), expected);
    }

    static double[] parse(String csv) {
        return java.util.Arrays.stream(csv.split(";")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
    }
}

package org.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralTest {

    @ParameterizedTest
    @CsvSource({"0, attempt, 0 attempts", "1, attempt, 1 attempt", "2, attempt, 2 attempts", "1, score, 1 score", "3, score, 3 scores"})
    void countsInWords(long n, String noun, String expected) {
        assertThat(Plural.of(n, noun)).isEqualTo(expected);
    }
}

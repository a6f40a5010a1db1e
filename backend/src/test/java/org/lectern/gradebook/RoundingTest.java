package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "89.995, 90.00",
            "89.994, 89.99",
            "89.99499999999999999999999999999999, 90.00",   // division residue of an exact 89.995
            "89.9949999999999, 89.99",                        // a real 89.9949..., well above the residue
            "0.005, 0.01",
            "100, 100.00",
            "33.333333333333333333333333333333, 33.33",
    })
    void displayIsTwoDecimalsHalfUp(String value, String shown) {
        assertThat(Rounding.forDisplay(new BigDecimal(value)).toPlainString()).isEqualTo(shown);
    }
}

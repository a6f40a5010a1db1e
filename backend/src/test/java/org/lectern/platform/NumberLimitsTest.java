package org.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for typed numbers: course-sized numbers pass, numbers that cost memory or CPU to write out are refused. */
class NumberLimitsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            3                                  | 3
            -0.25                              | -0.25
            1e-8                               | 1E-8
            3145728                            | 3145728
            1e99                               | 1E+99
            1e-99                              | 1E-99
            0e-100                             | 0E-100
            123456789012345678901234567890     | 123456789012345678901234567890
            0.000000000000000000000000000001   | 1E-30
            """)
    void courseNumbersPass(String text, String parsed) {
        assertThat(NumberLimits.parse(text, "x")).isEqualByComparingTo(new BigDecimal(parsed));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1e-2000000                         | is out of range
            1e-300000000                       | is out of range
            1e300000000                        | is out of range
            1e100                              | is out of range
            1e-100                             | is out of range
            0e-300000000                       | is out of range
            1e99999999999999                   | is out of range
            1234567890123456789012345678901    | more than 30 significant digits
            1.000000000000000000000000000001   | more than 30 significant digits
            three                              | must be a number
            """)
    void hugeNumbersAreRefusedWithAClearMessage(String text, String message) {
        assertThatThrownBy(() -> NumberLimits.parse(text, "Your answer"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Your answer").hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void aMillionDigitsAreRefusedBeforeAnyParse() {
        String digits = "1".repeat(1_000_000);
        assertThatThrownBy(() -> NumberLimits.parse(digits, "Your answer"))
                .isInstanceOf(InvalidInputException.class).hasMessage("Your answer is longer than 64 characters.");
        assertThat(NumberLimits.problemOfNumberText(digits)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void alreadyParsedNumbersMeetTheSameRule() {
        assertThat(NumberLimits.problem(new BigDecimal("1e-300000000"))).isPresent();
        assertThat(NumberLimits.problem(new BigDecimal("0E-300000000"))).isPresent();
        assertThat(NumberLimits.problem(new BigDecimal("2.5"))).isEmpty();
        assertThat(NumberLimits.problemOfNumberText("1e-300000000")).isPresent();
        assertThat(NumberLimits.problemOfNumberText("1e-3")).isEmpty();
    }
}

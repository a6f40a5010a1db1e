package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource({
            "ada@uni.edu, true", "ADA.Lovelace+dl@cs.uni.edu, true", "o'brien@uni.ie, true",
            "ada@uni, false", "ada@@uni.edu, false", "ada uni@edu.org, false", "@uni.edu, false", "ada@, false",
            "ada@uni..edu, false", "'<ada>@uni.edu', false"})
    void acceptsRealAddressesAndRejectsMalformedOnes(String raw, boolean valid) {
        assertThat(EmailAddress.isValid(EmailAddress.normalise(raw))).isEqualTo(valid);
    }
}

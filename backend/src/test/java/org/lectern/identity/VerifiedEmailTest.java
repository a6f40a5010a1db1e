package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerifiedEmailTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // email claim value, email_verified value, provider verifies all?, expected email, expected refusal
                Arguments.of("Ada@Uni.EDU ", true, false, "ada@uni.edu", null),
                Arguments.of("ada@uni.edu", "true", false, "ada@uni.edu", null),
                Arguments.of("ada@uni.edu", false, false, "ada@uni.edu", VerifiedEmail.Refusal.UNVERIFIED),
                Arguments.of("ada@uni.edu", "false", false, "ada@uni.edu", VerifiedEmail.Refusal.UNVERIFIED),
                Arguments.of("ada@uni.edu", null, false, "ada@uni.edu", VerifiedEmail.Refusal.UNVERIFIED),
                Arguments.of("ada@uni.edu", "yes", false, "ada@uni.edu", VerifiedEmail.Refusal.UNVERIFIED),
                Arguments.of("ada@uni.edu", null, true, "ada@uni.edu", null),
                Arguments.of("ada@uni.edu", false, true, "ada@uni.edu", null),
                Arguments.of(null, true, false, null, VerifiedEmail.Refusal.NO_EMAIL),
                Arguments.of("", true, true, null, VerifiedEmail.Refusal.NO_EMAIL),
                Arguments.of("not an address", true, false, null, VerifiedEmail.Refusal.NO_EMAIL));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void onlyAVerifiedAddressIdentifiesSomeone(String email, Object verified, boolean providerVerifiesAll, String expected,
                                               VerifiedEmail.Refusal refusal) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("upn", "someone-else@uni.edu");
        if (email != null) {
            claims.put("email", email);
        }
        if (verified != null) {
            claims.put("email_verified", verified);
        }
        var outcome = VerifiedEmail.of(claims, "email", providerVerifiesAll);
        assertThat(outcome.refusal()).isEqualTo(refusal);
        if (refusal == null) {
            assertThat(outcome.email()).isEqualTo(expected);
        }
    }

    @Test
    void theConfiguredClaimIsTheOneRead() {
        var outcome = VerifiedEmail.of(Map.of("email", "x@uni.edu", "upn", "Ada@Uni.edu"), "upn", true);
        assertThat(outcome.email()).isEqualTo("ada@uni.edu");
    }
}

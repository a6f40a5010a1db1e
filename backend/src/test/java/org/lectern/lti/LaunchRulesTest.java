package org.lectern.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LaunchRulesTest {

    static final String P = LaunchRules.CLAIM;
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final LaunchRules.Expected EXPECTED = new LaunchRules.Expected("https://canvas.instructure.com", "1000042", Set.of("dep-1"), "n-1");

    static JWTClaimsSet.Builder good() {
        return new JWTClaimsSet.Builder().issuer("https://canvas.instructure.com").audience("1000042").subject("u-1")
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(300))).claim("nonce", "n-1")
                .claim(P + "deployment_id", "dep-1").claim(P + "version", "1.3.0").claim(P + "message_type", "LtiResourceLinkRequest")
                .claim(P + "target_link_uri", "https://lectern.test/lti/launch").claim(P + "roles", List.of())
                .claim(P + "resource_link", Map.of("id", "rl-1"));
    }

    @Test
    void aGoodLaunchHasNoProblems() {
        assertThat(LaunchRules.check(good().build(), EXPECTED, NOW)).isEmpty();
        assertThat(LaunchRules.check(good().audience(List.of("other", "1000042")).claim("azp", "1000042").build(), EXPECTED, NOW)).isEmpty();
        assertThat(LaunchRules.check(good().claim(P + "message_type", "LtiDeepLinkingRequest").claim(P + "resource_link", null).build(),
                EXPECTED, NOW)).isEmpty();
        // 60 s of clock skew either way is tolerated.
        assertThat(LaunchRules.check(good().expirationTime(Date.from(NOW.minusSeconds(30))).build(), EXPECTED, NOW)).isEmpty();
        assertThat(LaunchRules.check(good().issueTime(Date.from(NOW.plusSeconds(30))).build(), EXPECTED, NOW)).isEmpty();
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("another issuer", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.issuer("https://evil.test"), "not by the registered"),
                Arguments.of("another audience", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.audience("other"), "is meant for"),
                Arguments.of("several audiences, no azp", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.audience(List.of("other", "1000042")),
                        "no authorized party"),
                Arguments.of("azp of another tool", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim("azp", "other"), "authorized party (azp)"),
                Arguments.of("expired", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.expirationTime(Date.from(NOW.minusSeconds(61))), "expired"),
                Arguments.of("no exp", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.expirationTime(null), "no expiry"),
                Arguments.of("issued in the future", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.issueTime(Date.from(NOW.plusSeconds(120))),
                        "in the future"),
                Arguments.of("issued long ago", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.issueTime(Date.from(NOW.minusSeconds(3600))),
                        "too long ago"),
                Arguments.of("wrong nonce", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim("nonce", "n-2"), "nonce"),
                Arguments.of("no nonce", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim("nonce", null), "nonce"),
                Arguments.of("unknown deployment", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim(P + "deployment_id", "dep-2"),
                        "not registered"),
                Arguments.of("LTI 1.1", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim(P + "version", "1.1"), "is not 1.3.0"),
                Arguments.of("unknown message", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim(P + "message_type", "LtiSubmissionReviewRequest"),
                        "not one Lectern handles"),
                Arguments.of("no target", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim(P + "target_link_uri", null), "target_link_uri"),
                Arguments.of("no roles claim", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim(P + "roles", null), "no roles"),
                Arguments.of("resource link without id", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.claim(P + "resource_link", Map.of("title", "x")),
                        "resource_link.id"),
                Arguments.of("anonymous", (UnaryOperator<JWTClaimsSet.Builder>) b -> b.subject(null), "Anonymous"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void eachProblemIsNamed(String what, UnaryOperator<JWTClaimsSet.Builder> change, String message) {
        List<String> problems = LaunchRules.check(change.apply(good()).build(), EXPECTED, NOW);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst()).contains(message);
    }
}

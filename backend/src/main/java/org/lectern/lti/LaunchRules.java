package org.lectern.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claim checks of an LTI 1.3 launch (OIDC Core §3.1.3.7 as the LTI Security Framework applies
 * them, and the LTI core claims), after the signature has been verified against the platform's key.
 * Pure: every problem in words, for the refusal page; an empty list means the launch is good.
 */
public final class LaunchRules {

    public static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    static final Duration SKEW = Duration.ofSeconds(60);
    /** An id_token issued longer ago than this is refused even if its exp is far away. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    /** What the token must match: the registered platform and the login this browser started. */
    public record Expected(String issuer, String clientId, Set<String> deploymentIds, String nonce) {
    }

    private LaunchRules() {
    }

    public static List<String> check(JWTClaimsSet c, Expected expected, Instant now) {
        List<String> problems = new ArrayList<>();
        if (!expected.issuer().equals(c.getIssuer())) {
            problems.add("The token was issued by '" + c.getIssuer() + "', not by the registered platform '" + expected.issuer() + "'.");
        }
        List<String> aud = c.getAudience();
        if (aud == null || !aud.contains(expected.clientId())) {
            problems.add("The token is meant for " + aud + ", not for Lectern's client id '" + expected.clientId() + "'.");
        } else {
            Object azp = c.getClaim("azp");
            if (azp != null && !expected.clientId().equals(azp)) {
                problems.add("The token's authorized party (azp) '" + azp + "' is not Lectern's client id.");
            } else if (azp == null && aud.size() > 1) {
                problems.add("The token names several audiences but no authorized party (azp).");
            }
        }
        Date exp = c.getExpirationTime();
        Date iat = c.getIssueTime();
        if (exp == null) {
            problems.add("The token has no expiry (exp).");
        } else if (!exp.toInstant().plus(SKEW).isAfter(now)) {
            problems.add("The token expired at " + exp.toInstant() + ".");
        }
        if (iat == null) {
            problems.add("The token has no issue time (iat).");
        } else if (iat.toInstant().minus(SKEW).isAfter(now)) {
            problems.add("The token was issued in the future (" + iat.toInstant() + ").");
        } else if (iat.toInstant().plus(MAX_AGE).isBefore(now)) {
            problems.add("The token was issued at " + iat.toInstant() + ", too long ago.");
        }
        Object nonce = c.getClaim("nonce");
        if (nonce == null || !nonce.equals(expected.nonce())) {
            problems.add("The token's nonce is not the one this sign-in issued (a replayed or foreign token).");
        }
        String deployment = string(c, CLAIM + "deployment_id");
        if (deployment == null || !expected.deploymentIds().contains(deployment)) {
            problems.add("Deployment '" + deployment + "' is not registered for this platform.");
        }
        if (!"1.3.0".equals(string(c, CLAIM + "version"))) {
            problems.add("LTI version '" + string(c, CLAIM + "version") + "' is not 1.3.0.");
        }
        String type = string(c, CLAIM + "message_type");
        if (!RESOURCE_LINK_REQUEST.equals(type) && !DEEP_LINKING_REQUEST.equals(type)) {
            problems.add("Message type '" + type + "' is not one Lectern handles.");
        }
        if (string(c, CLAIM + "target_link_uri") == null) {
            problems.add("The token names no target_link_uri.");
        }
        if (c.getClaim(CLAIM + "roles") == null) {
            problems.add("The token has no roles claim.");
        }
        if (RESOURCE_LINK_REQUEST.equals(type)) {
            Object link = c.getClaim(CLAIM + "resource_link");
            if (!(link instanceof Map<?, ?> m) || m.get("id") == null) {
                problems.add("A resource link launch without resource_link.id.");
            }
        }
        if (c.getSubject() == null || c.getSubject().isBlank()) {
            problems.add("Anonymous launches (no sub) are not supported: Lectern needs to know who you are.");
        }
        return problems;
    }

    static String string(JWTClaimsSet c, String name) {
        try {
            return c.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }
}

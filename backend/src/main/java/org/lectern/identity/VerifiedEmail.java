package org.lectern.identity;

import java.util.Map;

/**
 * Which e-mail address an OpenID Connect sign-in proves, if any: the configured claim, and only when the provider says
 * it verified it ({@code email_verified} true, as a boolean or the string "true" some providers send) or the deployment
 * says the provider only issues verified addresses. Anything else proves nothing: no account is matched by an address
 * someone merely typed into their profile at the provider.
 */
public final class VerifiedEmail {

    public enum Refusal { NO_EMAIL, UNVERIFIED }

    public record Outcome(String email, Refusal refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    private VerifiedEmail() {
    }

    public static Outcome of(Map<String, Object> claims, String emailClaim, boolean providerVerifiesAll) {
        Object raw = claims.get(emailClaim);
        String email = raw instanceof String s ? EmailAddress.normalise(s) : "";
        if (email.isEmpty() || !EmailAddress.isValid(email)) {
            return new Outcome(null, Refusal.NO_EMAIL);
        }
        Object verified = claims.get("email_verified");
        boolean saysVerified = Boolean.TRUE.equals(verified) || "true".equals(verified);
        if (!saysVerified && !providerVerifiesAll) {
            return new Outcome(email, Refusal.UNVERIFIED);
        }
        return new Outcome(email, null);
    }
}

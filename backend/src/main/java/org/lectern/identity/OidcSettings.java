package org.lectern.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * University sign-in by OpenID Connect ({@code LECTERN_OIDC_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET},
 * {@code _EMAIL_CLAIM}, {@code _BUTTON_LABEL}, {@code _TRUST_EMAIL}). {@code trustEmail} says the provider issues only
 * addresses it has verified (a university directory), for providers that send no {@code email_verified} claim;
 * otherwise a token without {@code email_verified: true} signs nobody in.
 */
@ConfigurationProperties(prefix = "lectern.oidc")
public record OidcSettings(String issuer, String clientId, String clientSecret, String emailClaim, String buttonLabel, Boolean trustEmail) {

    public static final String REGISTRATION = "university";

    public OidcSettings {
        emailClaim = emailClaim == null || emailClaim.isBlank() ? "email" : emailClaim.strip();
        buttonLabel = buttonLabel == null || buttonLabel.isBlank() ? "Sign in with your university" : buttonLabel.strip();
        trustEmail = Boolean.TRUE.equals(trustEmail);
    }

    public boolean configured() {
        return issuer != null && !issuer.isBlank() && clientId != null && !clientId.isBlank();
    }
}

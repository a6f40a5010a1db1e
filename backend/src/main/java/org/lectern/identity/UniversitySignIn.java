package org.lectern.identity;

import java.util.Optional;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in through the university's OpenID Connect provider, for the browser UI's security chain. Spring Security runs
 * the protocol (state, nonce, code exchange, the id_token's signature against the provider's key set, issuer, audience,
 * expiry); this class matches the person to an existing account by verified e-mail ({@link VerifiedEmail}). Nobody
 * registers themselves: a person with no account (not on any roster, not invited by a site admin) is refused with a
 * page saying so. Once matched, the session holds the same principal a password sign-in gives.
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(OidcSettings.class)
public class UniversitySignIn {

    private final OidcSettings settings;
    private final AccountService accounts;
    private volatile ClientRegistration registration;

    UniversitySignIn(OidcSettings settings, AccountService accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    public boolean enabled() {
        return settings.configured();
    }

    public String buttonLabel() {
        return settings.buttonLabel();
    }

    /** Where the sign-in button points. */
    public static String startPath() {
        return "oauth2/authorization/" + OidcSettings.REGISTRATION;
    }

    /** Adds OpenID Connect sign-in to a browser chain whose sign-in page is {@code loginPage}; nothing when not configured. */
    public void configure(HttpSecurity http, String loginPage) throws Exception {
        if (!enabled()) {
            return;
        }
        ClientRegistrationRepository repo = id -> OidcSettings.REGISTRATION.equals(id) ? registration() : null;
        OidcUserService delegate = new OidcUserService();
        var contexts = new HttpSessionSecurityContextRepository();
        var savedRequests = new HttpSessionRequestCache();
        http.oauth2Login(o -> o.loginPage(loginPage)
                .clientRegistrationRepository(repo)
                .userInfoEndpoint(u -> u.oidcUserService(request -> matched(delegate, request)))
                .successHandler((req, res, auth) -> {
                    // The session keeps the account's principal, exactly as after a password sign-in.
                    Account account = ((MatchedUser) auth.getPrincipal()).account;
                    SecurityContext ctx = SecurityContextHolder.createEmptyContext();
                    ctx.setAuthentication(CurrentUser.authentication(LecternPrincipal.of(account)));
                    SecurityContextHolder.setContext(ctx);
                    contexts.saveContext(ctx, req, res);
                    var saved = savedRequests.getRequest(req, res);
                    savedRequests.removeRequest(req, res);
                    res.sendRedirect(saved != null ? saved.getRedirectUrl() : req.getContextPath() + "/");
                })
                .failureHandler((req, res, e) -> {
                    String code = e instanceof OAuth2AuthenticationException o2 ? o2.getError().getErrorCode() : "failed";
                    String known = switch (code) {
                        case "no_account", "email_unverified", "no_email" -> code;
                        default -> "failed";
                    };
                    res.sendRedirect(req.getContextPath() + loginPage + "?oidc=" + known);
                }));
    }

    private ClientRegistration registration() {
        ClientRegistration r = registration;
        if (r == null) {
            // Read from the provider's discovery document on first use, so Lectern starts while the provider is down.
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(settings.issuer())
                            .registrationId(OidcSettings.REGISTRATION)
                            .clientId(settings.clientId())
                            .clientSecret(settings.clientSecret())
                            .scope("openid", "email", "profile")
                            .build();
                }
                r = registration;
            }
        }
        return r;
    }

    private OidcUser matched(OidcUserService delegate, OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        return new MatchedUser(user, accountFor(user.getClaims()));
    }

    /** The account these (already validated) id_token claims sign in, or a refusal with a code the sign-in page explains. */
    @Transactional(readOnly = true)
    public Account accountFor(java.util.Map<String, Object> claims) {
        VerifiedEmail.Outcome outcome = VerifiedEmail.of(claims, settings.emailClaim(), settings.trustEmail());
        if (!outcome.ok()) {
            throw refusal(outcome.refusal() == VerifiedEmail.Refusal.NO_EMAIL ? "no_email" : "email_unverified",
                    "The university did not confirm an e-mail address.");
        }
        Optional<Account> account = accounts.byEmail(outcome.email());
        return account.orElseThrow(() -> refusal("no_account", "No Lectern account uses this e-mail address."));
    }

    private static OAuth2AuthenticationException refusal(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
    }

    /** The provider's user with the account it matched; lives only between the callback and the success handler. */
    static final class MatchedUser extends DefaultOidcUser {
        final transient Account account;

        MatchedUser(OidcUser user, Account account) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.account = account;
        }
    }

}

package org.lectern.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lectern.identity.internal.AccountRepository;
import org.lectern.identity.internal.TokenRepository;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.LecternProperties;
import org.lectern.platform.NotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the REST API: named, revocable one by one by their owner, stored hashed,
 * valid for a configured time, and all ended when the owner's password changes.
 */
@Service
public class ApiTokenService {

    static final int MAX_NAME_LENGTH = 100;
    static final String DEFAULT_NAME = "API token";

    /** A token as its owner sees it; the secret itself is shown once, when it is made. */
    public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
    }

    /** A new token: its listing and the secret, which is never shown again. */
    public record NewToken(ApiToken token, String secret) {
    }

    private final AccountService accountService;
    private final TokenRepository tokens;
    private final AccountRepository accounts;
    private final Clock clock;
    private final LecternProperties props;

    ApiTokenService(AccountService accountService, TokenRepository tokens, AccountRepository accounts, Clock clock,
                    LecternProperties props) {
        this.accountService = accountService;
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
        this.props = props;
    }

    /** Signs in with e-mail and password from a client address (throttled like the form) and issues a token. */
    @Transactional(noRollbackFor = {BadCredentialsException.class, SignInLockedException.class})
    public NewToken issue(String email, String password, String name, String clientAddress) {
        String checkedName = name(name);
        Account account = accountService.authenticate(email, password, clientAddress);
        return insert(account.id(), checkedName);
    }

    /** The signed-in person makes a token for themselves (the token page). */
    @Transactional
    public NewToken create(String name) {
        return insert(CurrentUser.require().accountId(), name(name));
    }

    /** The signed-in person's tokens that have not expired, newest first. */
    @Transactional
    public List<ApiToken> mine() {
        return tokens.liveApiTokens(CurrentUser.require().accountId(), clock.instant()).stream()
                .map(r -> new ApiToken(r.id(), r.name(), r.createdAt(), r.lastUsedAt(), r.expiresAt())).toList();
    }

    /** Revokes one of the signed-in person's tokens; someone else's is "not found", as if it did not exist. */
    @Transactional
    public void revoke(long tokenId) {
        if (tokens.revokeApiToken(CurrentUser.require().accountId(), tokenId) == 0) {
            throw new NotFoundException("You have no API token " + tokenId + ".");
        }
    }

    @Transactional
    public Optional<LecternPrincipal> resolve(String token) {
        return tokens.useApiToken(Secrets.sha256(token), clock.instant())
                .flatMap(accounts::byId)
                .map(LecternPrincipal::of);
    }

    @Transactional
    public boolean revoke(String token) {
        return tokens.revokeApiToken(Secrets.sha256(token)) > 0;
    }

    private NewToken insert(long accountId, String name) {
        String secret = Secrets.newToken("lct_");
        Instant now = clock.instant();
        Instant expires = now.plus(props.tokens().lifetime());
        long id = tokens.insertApiToken(accountId, Secrets.sha256(secret), name, now, expires);
        return new NewToken(new ApiToken(id, name, now, null, expires), secret);
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT_NAME;
        }
        String n = name.strip();
        if (n.length() > MAX_NAME_LENGTH || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name: at most " + MAX_NAME_LENGTH + " characters, on one line.");
        }
        return n;
    }
}

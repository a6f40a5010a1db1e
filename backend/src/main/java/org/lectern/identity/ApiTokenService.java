package org.lectern.identity;

import java.time.Clock;
import java.util.Optional;
import org.lectern.identity.internal.AccountRepository;
import org.lectern.identity.internal.TokenRepository;
import org.lectern.platform.LecternProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opaque bearer tokens for the REST API: revocable, stored hashed, valid for a configured time. */
@Service
public class ApiTokenService {

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

    /** Signs in with e-mail and password (throttled like the form) and issues a token. */
    @Transactional(noRollbackFor = {org.springframework.security.authentication.BadCredentialsException.class,
            SignInLockedException.class})
    public String issue(String email, String password) {
        Account account = accountService.authenticate(email, password);
        String token = Secrets.newToken("lct_");
        tokens.insertApiToken(account.id(), Secrets.sha256(token), clock.instant().plus(props.tokens().lifetime()));
        return token;
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
}

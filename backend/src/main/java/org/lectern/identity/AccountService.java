package org.lectern.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.identity.internal.AccountRepository;
import org.lectern.identity.internal.SignInThrottleRepository;
import org.lectern.identity.internal.TokenRepository;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creation, passwords, sign-in with throttling, invitations. */
@Service
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Duration INVITATION_LIFETIME = Duration.ofDays(14);
    private static final Duration FORGET_COUNTERS_AFTER = Duration.ofDays(1);
    public static final Duration RESET_LIFETIME = Duration.ofMinutes(30);
    /** At most this many reset links per account per hour, whoever asks: a cap against filling someone's mailbox. */
    private static final int RESETS_PER_HOUR = 3;

    private final AccountRepository accounts;
    private final TokenRepository tokens;
    private final SignInThrottleRepository counters;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SignInThrottle throttle = SignInThrottle.DEFAULT;
    // Compared against when the e-mail is unknown, so a miss costs as much time as a wrong password.
    private final String decoyHash;
    private final ApplicationEventPublisher events;
    private final boolean localPasswords;

    AccountService(AccountRepository accounts, TokenRepository tokens, SignInThrottleRepository counters, PasswordEncoder encoder,
                   Clock clock, ApplicationEventPublisher events, @Value("${lectern.local-passwords:true}") boolean localPasswords) {
        this.events = events;
        this.localPasswords = localPasswords;
        this.accounts = accounts;
        this.tokens = tokens;
        this.counters = counters;
        this.encoder = encoder;
        this.clock = clock;
        this.decoyHash = encoder.encode("decoy-password-for-timing");
    }

    /**
     * Checks a password from a client address. Failures count per address and per e-mail at that
     * address (see {@link SignInThrottle}); while either is locked the password is not looked at.
     * Unknown e-mails take the same path, the same time and the same answers as known ones.
     */
    @Transactional(noRollbackFor = {BadCredentialsException.class, SignInLockedException.class})
    public Account authenticate(String rawEmail, String password, String clientAddress) {
        String email = EmailAddress.normalise(rawEmail);
        Instant now = clock.instant();
        SignInThrottle.Keys keys = SignInThrottle.keys(email, clientAddress);
        String addressKey = Secrets.sha256(keys.address());
        String accountKey = Secrets.sha256(keys.accountAtAddress());
        Optional<Duration> refused = throttle.refusal(counters.find(addressKey), counters.find(accountKey), now);
        if (refused.isPresent()) {
            throw new SignInLockedException(refused.get());
        }
        Optional<AccountRepository.Credentials> found = accounts.credentials(email);
        String hash = found.map(AccountRepository.Credentials::passwordHash).orElse(null);
        boolean matches = encoder.matches(password == null ? "" : password, hash == null ? decoyHash : hash);
        // With local passwords off only site admins may use one (break-glass when the university's sign-in is down).
        boolean allowed = localPasswords || found.map(c -> c.account().siteRole() == SiteRole.ADMIN).orElse(false);
        if (hash == null || password == null || !matches || !allowed) {
            counters.prune(now.minus(FORGET_COUNTERS_AFTER), now.minus(throttle.trustSuccessFor()), now);
            counters.save(addressKey, SignInThrottle.afterFailure(throttle.perAddress(), counters.findForUpdate(addressKey, now), now));
            counters.save(accountKey, SignInThrottle.afterFailure(throttle.perAccountAtAddress(), counters.findForUpdate(accountKey, now), now));
            throw new BadCredentialsException("Wrong e-mail or password.");
        }
        // Only this account at this address starts afresh (and is let past the address's lock from
        // now on): an attacker signing in to their own account between guesses must not reset the address's count.
        counters.recordSuccess(accountKey, now);
        return found.get().account();
    }

    @Transactional(readOnly = true)
    public Optional<Account> byEmail(String email) {
        return accounts.byEmail(EmailAddress.normalise(email));
    }

    @Transactional(readOnly = true)
    public Optional<Account> byId(long id) {
        return accounts.byId(id);
    }

    /** Accounts for these (normalised) addresses, keyed by address; unknown ones are absent. */
    @Transactional(readOnly = true)
    public Map<String, Account> byEmails(Collection<String> emails) {
        return accounts.byEmails(emails).stream().collect(Collectors.toMap(Account::email, Function.identity()));
    }

    /** Creates an account with a password (site admins, or start-up seeding when no caller exists). */
    @Transactional
    public Account createWithPassword(String rawEmail, String displayName, SiteRole role, String password) {
        CurrentUser.find().ifPresent(c -> {
            if (!c.isAdmin()) {
                throw new ForbiddenException("Only a site admin creates accounts with passwords.");
            }
        });
        checkPassword(password);
        return create(rawEmail, displayName, role, encoder.encode(password));
    }

    /**
     * Finds or creates accounts for people added to a course; new ones have no password until they
     * follow their invitation. Callers are course services that have already checked the caller's role.
     */
    @Transactional
    public Account findOrCreateMember(String rawEmail, String displayName) {
        String email = EmailAddress.normalise(rawEmail);
        return accounts.byEmail(email).orElseGet(() -> create(email, displayName, SiteRole.USER, null));
    }

    @Transactional
    public void changeSiteRole(long accountId, SiteRole role) {
        Caller caller = requireAdmin();
        if (caller.accountId() == accountId && role != SiteRole.ADMIN) {
            throw new InvalidInputException("You cannot take away your own admin role; another admin must.");
        }
        accounts.byId(accountId).orElseThrow(() -> new InvalidInputException("No such account."));
        accounts.setSiteRole(accountId, role);
    }

    /** Site admins: accounts whose e-mail or name contains the text (all when blank), at most 200. */
    @Transactional(readOnly = true)
    public List<Account> search(String text) {
        requireAdmin();
        return accounts.search(text == null ? "" : text.strip(), 200);
    }

    /** Site admins: an account without a password, and the invitation link token to set one. */
    @Transactional
    public String createInvited(String rawEmail, String displayName, SiteRole role) {
        requireAdmin();
        Account a = create(rawEmail, displayName, role, null);
        return invite(a.id());
    }

    private static Caller requireAdmin() {
        Caller caller = CurrentUser.require();
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only a site admin can do this.");
        }
        return caller;
    }

    /**
     * A one-time link token with which a person without a password sets one. Called by services
     * that have checked the caller's right to invite this person (course instructors, site admins).
     */
    @Transactional
    public String invite(long accountId) {
        Account account = accounts.byId(accountId).orElseThrow();
        if (account.activated()) {
            throw new InvalidInputException(account.email() + " has already set a password.");
        }
        String token = Secrets.newToken("inv_");
        tokens.insertLink(TokenRepository.Purpose.INVITATION, accountId, Secrets.sha256(token), clock.instant(),
                clock.instant().plus(INVITATION_LIFETIME));
        return token;
    }

    @Transactional(readOnly = true)
    public Optional<Account> invitedAccount(String invitationToken) {
        return tokens.peekInvitation(Secrets.sha256(invitationToken), clock.instant()).flatMap(accounts::byId);
    }

    @Transactional
    public Account acceptInvitation(String invitationToken, String password) {
        requireLocalPasswords();
        checkPassword(password);
        long id = tokens.claimInvitation(Secrets.sha256(invitationToken), clock.instant())
                .orElseThrow(() -> new InvalidInputException("This invitation link is invalid, used or expired. Ask course staff for a new one."));
        setPassword(id, password);
        return accounts.byId(id).orElseThrow();
    }

    /**
     * The signed-in person changes their password, proving the current one (throttled like a
     * sign-in from their address). Every API token and invitation link of the account ends.
     */
    @Transactional(noRollbackFor = {BadCredentialsException.class, SignInLockedException.class})
    public void changePassword(String currentPassword, String newPassword, String clientAddress) {
        Caller caller = CurrentUser.require();
        if (!localPasswords && !caller.isAdmin()) {
            requireLocalPasswords();
        }
        checkPassword(newPassword);
        authenticate(caller.email(), currentPassword, clientAddress);
        setPassword(caller.accountId(), newPassword);
    }

    /** Whether people sign in with passwords kept here ({@code LECTERN_LOCAL_PASSWORDS}, default true). */
    public boolean localPasswords() {
        return localPasswords;
    }

    private void requireLocalPasswords() {
        if (!localPasswords) {
            throw new ForbiddenException("This site signs people in through the university; Lectern keeps no passwords.");
        }
    }

    /**
     * "Forgot password?": when the e-mail has an account (and passwords are kept here), a single-use link valid for
     * {@link #RESET_LIFETIME} is stored as its hash and mailed ({@link PasswordResetRequested}). The answer is the same
     * whether or not the account exists; requests count against the client address and the e-mail at it like failed
     * sign-ins, and an account gets at most three links an hour.
     */
    @Transactional(noRollbackFor = SignInLockedException.class)
    public void requestPasswordReset(String rawEmail, String clientAddress) {
        requireLocalPasswords();
        String email = EmailAddress.normalise(rawEmail);
        Instant now = clock.instant();
        SignInThrottle.Keys keys = SignInThrottle.keys(email, clientAddress);
        String addressKey = Secrets.sha256("reset|" + keys.address());
        String accountKey = Secrets.sha256("reset|" + keys.accountAtAddress());
        Optional<Duration> refused = throttle.refusal(counters.find(addressKey), counters.find(accountKey), now);
        if (refused.isPresent()) {
            throw new SignInLockedException(refused.get());
        }
        counters.save(addressKey, SignInThrottle.afterFailure(throttle.perAddress(), counters.findForUpdate(addressKey, now), now));
        counters.save(accountKey, SignInThrottle.afterFailure(throttle.perAccountAtAddress(), counters.findForUpdate(accountKey, now), now));
        Optional<Account> account = accounts.byEmail(email);
        if (account.isEmpty() || tokens.linksSince(TokenRepository.Purpose.RESET, account.get().id(), now.minus(Duration.ofHours(1))) >= RESETS_PER_HOUR) {
            return;
        }
        String token = Secrets.newToken("rst_");
        tokens.insertLink(TokenRepository.Purpose.RESET, account.get().id(), Secrets.sha256(token), now, now.plus(RESET_LIFETIME));
        events.publishEvent(new PasswordResetRequested(account.get().id(), account.get().email(), token, RESET_LIFETIME));
    }

    /** The account a live reset link opens, for the page that asks for the new password. */
    @Transactional(readOnly = true)
    public Optional<Account> resetAccount(String resetToken) {
        return tokens.peekLink(TokenRepository.Purpose.RESET, Secrets.sha256(resetToken), clock.instant()).flatMap(accounts::byId);
    }

    /** Sets the new password from a reset link, once; every other link and API token of the account ends. */
    @Transactional
    public Account resetPassword(String resetToken, String password) {
        requireLocalPasswords();
        checkPassword(password);
        long id = tokens.claimLink(TokenRepository.Purpose.RESET, Secrets.sha256(resetToken), clock.instant())
                .orElseThrow(() -> new InvalidInputException("This reset link is invalid, used or expired. Ask for a new one on the sign-in page."));
        setPassword(id, password);
        return accounts.byId(id).orElseThrow();
    }

    /**
     * The one place a password is set: whoever held an old invitation link or API token of the
     * account loses it, so a link found later, or a token taken with the old password, opens nothing.
     */
    private void setPassword(long accountId, String password) {
        accounts.setPassword(accountId, encoder.encode(password));
        tokens.endAllFor(accountId);
    }

    /** Whether any account has an address in this domain (the demo's accounts, for one). */
    @Transactional(readOnly = true)
    public boolean anyAccountIn(String domain) {
        return accounts.anyInDomain(domain);
    }

    @Transactional(readOnly = true)
    public boolean anyAdmin() {
        return accounts.anyAdmin();
    }

    private Account create(String rawEmail, String displayName, SiteRole role, String hash) {
        String email = EmailAddress.normalise(rawEmail);
        if (!EmailAddress.isValid(email)) {
            throw new InvalidInputException("'" + rawEmail + "' is not a valid e-mail address.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidInputException("A name is required for " + email + ".");
        }
        if (accounts.byEmail(email).isPresent()) {
            throw new InvalidInputException("An account for " + email + " already exists.");
        }
        long id = accounts.insert(email, displayName.strip(), role, hash);
        return new Account(id, email, displayName.strip(), role, hash != null);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }
}

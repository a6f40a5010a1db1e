package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

@BackendTest
class AccountServiceIT {

    @Autowired AccountService accounts;
    @Autowired People people;
    @Autowired JdbcClient jdbc;
    @Autowired ApiTokenService tokens;
    @Autowired AuthenticationManager authenticationManager;

    private static final AtomicInteger HOSTS = new AtomicInteger();

    /** A client address no other test uses (the throttle's counters live in the shared database). */
    static String freshAddress() {
        int n = HOSTS.incrementAndGet() + ThreadLocalRandom.current().nextInt(1 << 20) * 64;
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesAndEmailsNormalised() {
        Account a = people.user("hash");
        String hash = jdbc.sql("select password_hash from account where id = ?").param(a.id()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(People.PASSWORD);
        assertThat(accounts.authenticate("  " + a.email().toUpperCase() + " ", People.PASSWORD, freshAddress()).id()).isEqualTo(a.id());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAtThatAddressButNotTheOwnerElsewhere() {
        Account a = people.user("throttled");
        String attacker = freshAddress();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.authenticate(a.email(), "wrong-password", attacker)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> accounts.authenticate(a.email(), People.PASSWORD, attacker))
                .isInstanceOf(SignInLockedException.class).hasMessageContaining("Try again in");
        // The student, from their own address, still gets in before the quiz.
        assertThat(accounts.authenticate(a.email(), People.PASSWORD, freshAddress()).id()).isEqualTo(a.id());
    }

    /** The sign-in form goes through the AuthenticationManager, which takes the address from the request's details. */
    @Test
    void theSignInFormIsThrottledByTheRequestsAddress() {
        Account a = people.user("form");
        String attacker = freshAddress();
        java.util.function.BiFunction<String, String, org.springframework.security.core.Authentication> form = (password, address) -> {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(a.email(), password);
            attempt.setDetails(new WebAuthenticationDetails(address, null));
            return authenticationManager.authenticate(attempt);
        };
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> form.apply("wrong-password", attacker)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> form.apply(People.PASSWORD, attacker)).isInstanceOf(SignInLockedException.class);
        assertThat(form.apply(People.PASSWORD, freshAddress()).isAuthenticated()).isTrue();
    }

    @Test
    void unknownAddressesAreThrottledExactlyLikeAccounts() {
        Account known = people.user("known");
        String unknown = "nobody-" + known.id() + "@test.lectern";
        String from = freshAddress();
        for (String email : new String[] {known.email(), unknown}) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> accounts.authenticate(email, "wrong-password", from))
                        .isInstanceOf(BadCredentialsException.class).hasMessage("Wrong e-mail or password.");
            }
            assertThatThrownBy(() -> accounts.authenticate(email, "wrong-password", from))
                    .isInstanceOf(SignInLockedException.class).hasMessageStartingWith("Too many failed sign-ins. Try again in");
        }
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedForAllButThoseWhoSignedInThereBefore() {
        String sprayer = freshAddress();
        Account regular = people.user("regular");
        accounts.authenticate(regular.email(), People.PASSWORD, sprayer); // the same campus NAT, last week
        for (int i = 0; i < SignInThrottle.DEFAULT.perAddress().freeFailures(); i++) {
            String email = "spray-" + i + "-" + sprayer + "@test.lectern";
            assertThatThrownBy(() -> accounts.authenticate(email, "Winter2024!!", sprayer)).isInstanceOf(BadCredentialsException.class);
        }
        Account next = people.user("sprayed");
        assertThatThrownBy(() -> accounts.authenticate(next.email(), People.PASSWORD, sprayer)).isInstanceOf(SignInLockedException.class);
        assertThat(accounts.authenticate(next.email(), People.PASSWORD, freshAddress()).id()).isEqualTo(next.id());
        assertThat(accounts.authenticate(regular.email(), People.PASSWORD, sprayer).id()).isEqualTo(regular.id());
    }

    @Test
    void aSuccessResetsTheCount() {
        Account a = people.user("reset");
        String from = freshAddress();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> accounts.authenticate(a.email(), "wrong-password", from)).isInstanceOf(BadCredentialsException.class);
        }
        accounts.authenticate(a.email(), People.PASSWORD, from);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> accounts.authenticate(a.email(), "wrong-password", from)).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(accounts.authenticate(a.email(), People.PASSWORD, from).id()).isEqualTo(a.id());
    }

    @Test
    void unknownAddressesAndShortPasswordsAreRefused() {
        assertThatThrownBy(() -> accounts.authenticate("nobody@nowhere.edu", "whatever-pass", freshAddress())).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> accounts.createWithPassword("short@uni.edu", "Short", SiteRole.USER, "123"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> accounts.createWithPassword("not-an-address", "X", SiteRole.USER, "long-enough-pw"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anInvitationLinkIsSingleUseAndSettingAPasswordEndsEveryOtherLink() {
        Account admin = people.make("admin", SiteRole.ADMIN);
        String email = "twice-invited-" + admin.id() + "@uni.edu";
        String first = People.as(admin, () -> accounts.createInvited(email, "Twice", SiteRole.USER));
        long id = accounts.byEmail(email).orElseThrow().id();
        String second = accounts.invite(id); // staff sent the link again
        accounts.acceptInvitation(first, "the-first-password");
        assertThatThrownBy(() -> accounts.acceptInvitation(first, "someone-elses-password")).isInstanceOf(InvalidInputException.class);
        // Whoever finds the older e-mail later cannot take the account over.
        assertThat(accounts.invitedAccount(second)).isEmpty();
        assertThatThrownBy(() -> accounts.acceptInvitation(second, "someone-elses-password"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("invalid, used or expired");
        assertThat(accounts.authenticate(email, "the-first-password", freshAddress()).id()).isEqualTo(id);
    }

    @Test
    void changingThePasswordEndsEveryApiTokenAndNeedsTheCurrentOne() {
        Account a = people.user("changer");
        String from = freshAddress();
        var laptop = tokens.issue(a.email(), People.PASSWORD, "laptop", from);
        var ci = tokens.issue(a.email(), People.PASSWORD, "ci", from);
        assertThat(tokens.resolve(laptop.secret())).isPresent();
        assertThatThrownBy(() -> People.as(a, () -> accounts.changePassword("not-the-password", "a-new-long-password", from)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(tokens.resolve(laptop.secret())).isPresent();
        People.as(a, () -> accounts.changePassword(People.PASSWORD, "a-new-long-password", from));
        assertThat(tokens.resolve(laptop.secret())).isEmpty();
        assertThat(tokens.resolve(ci.secret())).isEmpty();
        assertThat(People.as(a, () -> tokens.mine())).isEmpty();
        assertThatThrownBy(() -> accounts.authenticate(a.email(), People.PASSWORD, from)).isInstanceOf(BadCredentialsException.class);
        assertThat(accounts.authenticate(a.email(), "a-new-long-password", from).id()).isEqualTo(a.id());
    }

    @Test
    void onlySiteAdminsManageAccounts() {
        Account plain = people.user("plain");
        assertThatThrownBy(() -> People.as(plain, () -> accounts.search("")))
                .isInstanceOf(org.lectern.platform.ForbiddenException.class);
        assertThatThrownBy(() -> People.as(plain, () -> accounts.changeSiteRole(plain.id(), SiteRole.ADMIN)))
                .isInstanceOf(org.lectern.platform.ForbiddenException.class);

        Account admin = people.make("admin", SiteRole.ADMIN);
        String email = "invitee-" + admin.id() + "@uni.edu";
        String token = People.as(admin, () -> accounts.createInvited(email, "Invitee", SiteRole.COURSE_CREATOR));
        assertThat(accounts.invitedAccount(token)).hasValueSatisfying(a -> assertThat(a.email()).isEqualTo(email));
        assertThat(People.as(admin, () -> accounts.search("invitee-" + admin.id()))).singleElement()
                .satisfies(a -> assertThat(a.activated()).isFalse());
        People.as(admin, () -> accounts.changeSiteRole(plain.id(), SiteRole.COURSE_CREATOR));
        assertThat(accounts.byId(plain.id()).orElseThrow().siteRole()).isEqualTo(SiteRole.COURSE_CREATOR);
        assertThatThrownBy(() -> People.as(admin, () -> accounts.changeSiteRole(admin.id(), SiteRole.USER)))
                .isInstanceOf(InvalidInputException.class);
        // A LIKE wildcard in the search text is matched literally.
        assertThat(People.as(admin, () -> accounts.search("%"))).isEmpty();
    }
}

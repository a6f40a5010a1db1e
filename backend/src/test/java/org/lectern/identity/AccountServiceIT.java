package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;

@BackendTest
class AccountServiceIT {

    @Autowired AccountService accounts;
    @Autowired People people;
    @Autowired JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsBcryptHashesAndEmailsNormalised() {
        Account a = people.user("hash");
        String hash = jdbc.sql("select password_hash from account where id = ?").param(a.id()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(People.PASSWORD);
        assertThat(accounts.authenticate("  " + a.email().toUpperCase() + " ", People.PASSWORD).id()).isEqualTo(a.id());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        Account a = people.user("throttled");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.authenticate(a.email(), "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> accounts.authenticate(a.email(), People.PASSWORD))
                .isInstanceOf(SignInLockedException.class).hasMessageContaining("Try again in");
    }

    @Test
    void aSuccessResetsTheCount() {
        Account a = people.user("reset");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> accounts.authenticate(a.email(), "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        accounts.authenticate(a.email(), People.PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> accounts.authenticate(a.email(), "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(accounts.authenticate(a.email(), People.PASSWORD).id()).isEqualTo(a.id());
    }

    @Test
    void unknownAddressesAndShortPasswordsAreRefused() {
        assertThatThrownBy(() -> accounts.authenticate("nobody@nowhere.edu", "whatever-pass")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> accounts.createWithPassword("short@uni.edu", "Short", SiteRole.USER, "123"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> accounts.createWithPassword("not-an-address", "X", SiteRole.USER, "long-enough-pw"))
                .isInstanceOf(InvalidInputException.class);
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

package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.identity.internal.AccountRepository;
import org.lectern.identity.internal.SignInThrottleRepository;
import org.lectern.identity.internal.TokenRepository;
import org.lectern.platform.ForbiddenException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code LECTERN_LOCAL_PASSWORDS=false} on the real database: the service as such a deployment builds it (the shared
 * test context keeps passwords on). Only site admins still sign in with a password (break-glass).
 */
@BackendTest
class LocalPasswordsOffIT {

    @Autowired AccountRepository accountRepo;
    @Autowired TokenRepository tokenRepo;
    @Autowired SignInThrottleRepository counters;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired AccountService withPasswords;
    @Autowired People people;

    AccountService passwordsOff() {
        return new AccountService(accountRepo, tokenRepo, counters, encoder, clock, events, false);
    }

    @Test
    void passwordSignInResetAndInvitationPasswordsAreRefusedButASiteAdminStillGetsIn() {
        AccountService off = passwordsOff();
        Account student = people.user("sso-only");
        Account admin = people.make("break-glass", SiteRole.ADMIN);
        assertThat(off.localPasswords()).isFalse();

        assertThatThrownBy(() -> off.authenticate(student.email(), People.PASSWORD, "10.1.0.1")).isInstanceOf(BadCredentialsException.class);
        assertThat(withPasswords.authenticate(student.email(), People.PASSWORD, "10.1.0.1").id()).isEqualTo(student.id());
        assertThat(off.authenticate(admin.email(), People.PASSWORD, "10.1.0.1").id()).isEqualTo(admin.id());

        assertThatThrownBy(() -> off.requestPasswordReset(student.email(), "10.1.0.1")).isInstanceOf(ForbiddenException.class);
        String token = withPasswords.invite(accountRepo.insert("invitee-" + System.nanoTime() + "@test.lectern", "Invitee", SiteRole.USER, null));
        assertThatThrownBy(() -> off.acceptInvitation(token, "a-long-enough-password")).isInstanceOf(ForbiddenException.class);
    }
}

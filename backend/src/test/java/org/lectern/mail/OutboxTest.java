package org.lectern.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void withoutAnSmtpHostNothingIsQueued() {
        // No repository at all: any attempt to write a row would fail this test.
        Outbox off = new Outbox(null, new SmtpSettings(" ", null, null, null, null, null), Clock.systemUTC());
        assertThat(off.enabled()).isFalse();
        assertThat(off.queue(MailTemplates.passwordReset("a@uni.edu", "http://l/reset-password/x", 30))).isFalse();
    }

    @Test
    void smtpDefaults() {
        SmtpSettings s = new SmtpSettings("smtp.uni.edu", null, null, null, null, null);
        assertThat(s.configured()).isTrue();
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.starttls()).isTrue();
        assertThat(s.authenticates()).isFalse();
    }
}

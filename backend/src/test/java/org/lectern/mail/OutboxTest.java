package org.lectern.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
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
    void demoAccountsGetNoMail() {
        // Mail is on, but no repository: any attempt to write a row would fail this test.
        Outbox on = new Outbox(null, new SmtpSettings("smtp.uni.edu", null, null, null, null, null), Clock.systemUTC());
        assertThat(on.enabled()).isTrue();
        for (String demo : List.of("student1@demo.lectern", "Instructor@Demo.Lectern", " admin@demo.lectern ")) {
            assertThat(on.queue(MailTemplates.passwordReset(demo, "http://l/reset-password/x", 30))).as(demo).isFalse();
            assertThat(on.queue(MailTemplates.gradesReleased(demo, "C", "A1", "http://l/a"))).as(demo).isFalse();
        }
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

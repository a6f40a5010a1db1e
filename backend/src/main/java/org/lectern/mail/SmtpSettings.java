package org.lectern.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server mail leaves through ({@code LECTERN_SMTP_HOST}, {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD},
 * {@code _FROM}, {@code _STARTTLS}). Without a host Lectern sends no mail and queues none: staff copy invitation links.
 */
@ConfigurationProperties(prefix = "lectern.smtp")
public record SmtpSettings(String host, Integer port, String username, String password, String from, Boolean starttls) {

    public SmtpSettings {
        port = port == null ? 587 : port;
        starttls = starttls == null ? Boolean.TRUE : starttls;
        from = from == null || from.isBlank() ? "lectern@localhost" : from.strip();
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }
}

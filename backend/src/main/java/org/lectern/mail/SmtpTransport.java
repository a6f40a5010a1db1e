package org.lectern.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.stereotype.Component;

/** Hands one message to the SMTP server; says whether a failure is worth retrying. */
@Component
class SmtpTransport {

    /** A refused send: permanent when the server refused the address itself (5xx), otherwise worth another try. */
    static final class SendFailure extends Exception {
        final boolean permanent;

        SendFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }
    }

    private final SmtpSettings settings;

    SmtpTransport(SmtpSettings settings) {
        this.settings = settings;
    }

    void send(String to, String subject, String text, String html) throws SendFailure {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        p.put("mail.smtp.auth", String.valueOf(settings.authenticates()));
        p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        Session session = Session.getInstance(p);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(settings.from()));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, StandardCharsets.UTF_8.name(), "html");
            m.setContent(new MimeMultipart("alternative", plain, rich));
            m.saveChanges();
            if (settings.authenticates()) {
                Transport.send(m, settings.username(), settings.password());
            } else {
                Transport.send(m);
            }
        } catch (SendFailedException e) {
            boolean refusedAddress = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new SendFailure(describe(e), refusedAddress, e);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new SendFailure("not a valid address: " + e.getMessage(), true, e);
        } catch (MessagingException e) {
            throw new SendFailure(describe(e), false, e);
        }
    }

    private static String describe(Exception e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable c = e.getCause();
        if (c != null && c != e) {
            b.append(": ").append(c.getMessage());
        }
        return b.length() > 500 ? b.substring(0, 500) : b.toString();
    }
}

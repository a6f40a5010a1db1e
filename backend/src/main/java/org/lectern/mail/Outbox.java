package org.lectern.mail;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.lectern.demo.DemoAddresses;
import org.lectern.identity.CurrentUser;
import org.lectern.mail.internal.OutboxRepository;
import org.lectern.platform.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every message starts: a row written in the transaction of whatever caused it (a rolled-back release sends
 * nothing; a committed one loses nothing to an SMTP outage). Without SMTP settings nothing is written at all, so no
 * row waits forever for a server that was never configured. Demo accounts' addresses never get mail: nobody reads them,
 * and a demo run pointed at a real SMTP server must not send to a domain someone might own.
 */
@Service
public class Outbox {

    private final OutboxRepository repo;
    private final SmtpSettings smtp;
    private final Clock clock;

    Outbox(OutboxRepository repo, SmtpSettings smtp, Clock clock) {
        this.repo = repo;
        this.smtp = smtp;
        this.clock = clock;
    }

    /** Whether this install sends mail (an SMTP host is configured). */
    public boolean enabled() {
        return smtp.configured();
    }

    /** Queues the message in the caller's transaction; false (and nothing queued) when mail is off or goes to a demo account. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(Mail mail) {
        if (!enabled() || mail.to() == null || mail.to().isBlank() || DemoAddresses.isDemo(mail.to())) {
            return false;
        }
        repo.insert(mail.to(), mail.kind(), mail.subject(), mail.text(), mail.html(), clock.instant());
        return true;
    }

    /** A message as the site admin sees it (subject and recipient, never the body: it may hold a reset link). */
    public record Message(long id, String recipient, String kind, String subject, String state, int attempts, java.time.Instant createdAt,
                          java.time.Instant nextAttemptAt, java.time.Instant sentAt, String lastError) {
    }

    public record Status(boolean enabled, Map<String, Long> counts, List<Message> recent) {
    }

    /** Site admins: counts by state and the latest messages, failed ones first with their error in words. */
    @Transactional(readOnly = true)
    public Status status() {
        if (!CurrentUser.require().isAdmin()) {
            throw new ForbiddenException("Only a site admin sees the mail outbox.");
        }
        return new Status(enabled(), repo.countsByState(), repo.recent(200).stream()
                .map(r -> new Message(r.id(), r.recipient(), r.kind(), r.subject(), r.state(), r.attempts(), r.createdAt(), r.nextAttemptAt(),
                        r.sentAt(), r.lastError()))
                .toList());
    }
}

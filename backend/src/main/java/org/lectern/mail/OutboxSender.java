package org.lectern.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lectern.mail.internal.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the outbox (the pool's {@code mail-sender} task): claims due messages in a short transaction, sends each
 * outside any transaction, then records the outcome with a guarded update. A passing failure (server down, timeout,
 * 4xx) waits with doubling back-off; a refused address, or too many tries, ends the message as FAILED with the reason,
 * shown to site admins. A sender that dies after the server took a message but before recording it sends it again
 * when its claim runs out: delivery is at least once, and exactly once whenever the sender lives to record it.
 */
@Service
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    private final OutboxRepository repo;
    private final SmtpTransport transport;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    OutboxSender(OutboxRepository repo, SmtpTransport transport, MailSettings settings, Clock clock, TransactionTemplate tx) {
        this.repo = repo;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
    }

    /** Sends what is due now; returns how many messages were sent. */
    public int sendDue() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxRepository.Claimed> batch = tx.execute(s -> repo.claim(now, now.plus(settings.claimFor()), BATCH));
            if (batch == null || batch.isEmpty()) {
                return sent;
            }
            boolean serverDown = false;
            for (OutboxRepository.Claimed m : batch) {
                if (serverDown) {
                    // The server refused the previous one for a passing reason: don't hammer it; these wait their turn.
                    tx.executeWithoutResult(s -> repo.untried(m.id(), clock.instant().plus(settings.retryFirst())));
                    continue;
                }
                try {
                    transport.send(m.recipient(), m.subject(), m.text(), m.html());
                    tx.executeWithoutResult(s -> repo.sent(m.id(), clock.instant()));
                    sent++;
                } catch (SmtpTransport.SendFailure f) {
                    Duration wait = settings.backoff().after(m.attempts());
                    if (f.permanent || wait == null) {
                        log.warn("mail {} to {} failed for good after {} tries: {}", m.id(), m.recipient(), m.attempts(), f.getMessage());
                        tx.executeWithoutResult(s -> repo.failed(m.id(), f.getMessage()));
                    } else {
                        log.info("mail {} not sent (try {}), again in {}: {}", m.id(), m.attempts(), wait, f.getMessage());
                        tx.executeWithoutResult(s -> repo.retryAt(m.id(), clock.instant().plus(wait), f.getMessage()));
                        serverDown = true;
                    }
                }
            }
            if (serverDown) {
                return sent;
            }
        }
    }
}

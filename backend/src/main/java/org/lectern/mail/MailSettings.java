package org.lectern.mail;

import java.time.Duration;
import java.time.LocalTime;
import org.lectern.platform.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is worked ({@code lectern.mail.*}): how often the sender looks, the doubling wait after a passing SMTP
 * failure, how many tries before a message is recorded as failed, when (UTC) the daily Q&A digest goes out, and the
 * address links in mail point to ({@code LECTERN_BASE_URL}).
 */
@ConfigurationProperties(prefix = "lectern.mail")
public record MailSettings(Duration sendEvery, Duration retryFirst, Duration retryCap, Integer maxAttempts, LocalTime digestAt,
                           String baseUrl, Duration claimFor) {

    public MailSettings {
        sendEvery = sendEvery == null ? Duration.ofSeconds(10) : sendEvery;
        retryFirst = retryFirst == null ? Duration.ofMinutes(1) : retryFirst;
        retryCap = retryCap == null ? Duration.ofHours(1) : retryCap;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        digestAt = digestAt == null ? LocalTime.of(7, 0) : digestAt;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip().replaceAll("/+$", "");
        claimFor = claimFor == null ? Duration.ofMinutes(5) : claimFor;
    }

    public Backoff backoff() {
        return new Backoff(retryFirst, retryCap, maxAttempts);
    }
}

package org.lectern.lti;

import org.lectern.platform.Backoff;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * LTI settings ({@code lectern.lti.*}, e.g. LECTERN_LTI_KEY_SECRET).
 *
 * @param keySecret     encrypts our private keys at rest (AES-GCM); unset: stored unencrypted, never served
 * @param sendEvery     how often the score sender looks for due scores
 * @param retryFirst    the first wait after a 429 or 5xx; doubles up to {@code retryCap}
 * @param maxAttempts   tries before a score is marked failed
 * @param reconcileEvery how often every linked course's released scores are compared with what was sent
 */
@ConfigurationProperties(prefix = "lectern.lti")
public record LtiSettings(String keySecret, Duration sendEvery, Duration retryFirst, Duration retryCap, Integer maxAttempts,
                          Duration reconcileEvery) {

    public LtiSettings {
        sendEvery = sendEvery == null ? Duration.ofSeconds(10) : sendEvery;
        retryFirst = retryFirst == null ? Duration.ofSeconds(30) : retryFirst;
        retryCap = retryCap == null ? Duration.ofHours(1) : retryCap;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        reconcileEvery = reconcileEvery == null ? Duration.ofMinutes(15) : reconcileEvery;
    }

    public Backoff backoff() {
        return new Backoff(retryFirst, retryCap, maxAttempts);
    }
}

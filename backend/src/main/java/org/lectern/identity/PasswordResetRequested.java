package org.lectern.identity;

import java.time.Duration;

/**
 * Someone asked for a password reset of an existing account: the mail feature sends the link. Published in the
 * transaction that stored the link's hash; the token itself lives only in this event and the message.
 */
public record PasswordResetRequested(long accountId, String email, String token, Duration lifetime) {
}

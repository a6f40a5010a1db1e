package org.lectern.identity;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins: the account accepts none until the lock lapses. */
public class SignInLockedException extends LockedException {
    private final Duration retryAfter;

    public SignInLockedException(Duration retryAfter) {
        super("Too many failed sign-ins. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

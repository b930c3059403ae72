package io.lead360.gateway.signin;

import java.time.Duration;

/** Too many failed sign-ins for the email or from the address: refused before the password is looked at. */
public class SignInLockedException extends RuntimeException {

    private final Duration retryAfter;

    public SignInLockedException(Duration retryAfter) {
        super("Too many failed sign-ins; try again later");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as Retry-After wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}

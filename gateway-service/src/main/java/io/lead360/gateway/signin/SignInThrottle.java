package io.lead360.gateway.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lead360.gateway.GatewayProperties;
import io.lead360.service.Emails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Slows down and then locks repeated failed sign-ins, per email (whether or not a person has it)
 * and per client address, so that guessing passwords costs more than it can win. Counts live in
 * memory, bounded: the least recently seen emails and addresses are forgotten first. Nothing here
 * looks at whether a password was right; the caller reports outcomes.
 */
public final class SignInThrottle {

    private final GatewayProperties.Throttle settings;
    private final Clock clock;
    private final Cache<String, Failures> byEmail;
    private final Cache<String, Failures> byAddress;

    public SignInThrottle(GatewayProperties.Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.byEmail = Caffeine.newBuilder()
                .maximumSize(settings.maxTracked())
                .executor(Runnable::run)
                .build();
        this.byAddress = Caffeine.newBuilder()
                .maximumSize(settings.maxTracked())
                .executor(Runnable::run)
                .build();
    }

    /** How long the email or the address is still locked for; empty when a sign-in may be tried. */
    public Optional<Duration> lockedFor(String email, String address) {
        Instant now = clock.instant();
        Duration emailLock = remainingLock(byEmail.getIfPresent(normalize(email)), now);
        Duration addressLock = remainingLock(byAddress.getIfPresent(address), now);
        Duration longest = emailLock.compareTo(addressLock) >= 0 ? emailLock : addressLock;
        return !longest.isZero() && !longest.isNegative() ? Optional.of(longest) : Optional.empty();
    }

    /**
     * Counts a failed sign-in and answers how long to hold back its answer: nothing for the first
     * {@code delayAfterFailures} failures of the email within the window, then doubling from
     * {@code firstDelay} up to {@code maxDelay}.
     */
    public Duration recordFailure(String email, String address) {
        Instant now = clock.instant();
        int emailFailures = byEmail.get(normalize(email), key -> new Failures())
                .add(now, settings.window(), settings.emailLockFailures(), settings.lockDuration());
        byAddress
                .get(address, key -> new Failures())
                .add(now, settings.window(), settings.addressLockFailures(), settings.lockDuration());
        return delayFor(emailFailures);
    }

    /** A right password clears the email's failures (not the address's: one success must not hide a spray). */
    public void recordSuccess(String email) {
        byEmail.invalidate(normalize(email));
    }

    /** Emails and addresses currently remembered (for the memory bound's test). */
    long trackedCount() {
        byEmail.cleanUp();
        byAddress.cleanUp();
        return byEmail.estimatedSize() + byAddress.estimatedSize();
    }

    Duration delayFor(int failures) {
        int beyond = failures - settings.delayAfterFailures();
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        // doubling; the shift is capped so that it cannot overflow before the cap applies
        Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(beyond - 1, 20));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    /** Emails are compared as typed by people: case and surrounding blanks do not make a new account. */
    static String normalize(String email) {
        return Emails.normalise(email);
    }

    private static Duration remainingLock(Failures failures, Instant now) {
        return failures == null ? Duration.ZERO : failures.lockRemaining(now);
    }

    /** The recent failures of one email or address: at most as many instants as it takes to lock. */
    private static final class Failures {

        private final Deque<Instant> recent = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        /** Records a failure, locks when the threshold is reached within the window; answers the count in the window. */
        synchronized int add(Instant now, Duration window, int lockAfter, Duration lockDuration) {
            Instant windowStart = now.minus(window);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
                recent.removeFirst();
            }
            recent.addLast(now);
            if (recent.size() >= lockAfter) {
                lockedUntil = now.plus(lockDuration);
                int count = recent.size();
                // a new lock starts a new count: the failures that caused it are spent
                recent.clear();
                return count;
            }
            return recent.size();
        }

        synchronized Duration lockRemaining(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }
    }
}

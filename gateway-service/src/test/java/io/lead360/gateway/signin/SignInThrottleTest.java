package io.lead360.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.gateway.GatewayProperties;
import io.lead360.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final GatewayProperties.Throttle SETTINGS = new GatewayProperties.Throttle(
            Duration.ofMinutes(15),
            3,
            Duration.ofMillis(500),
            Duration.ofSeconds(4),
            5,
            20,
            Duration.ofMinutes(15),
            1000);
    private static final String ADDRESS = "192.0.2.1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(SETTINGS, clock);

    @Test
    void theFirstThreeFailuresAreAnsweredAtOnceThenEachWaitsLongerUpToTheCap() {
        assertThat(throttle.recordFailure("lea@acme.test", ADDRESS)).isZero();
        assertThat(throttle.recordFailure("lea@acme.test", ADDRESS)).isZero();
        assertThat(throttle.recordFailure("lea@acme.test", ADDRESS)).isZero();
        assertThat(throttle.recordFailure("lea@acme.test", ADDRESS)).isEqualTo(Duration.ofMillis(500));

        assertThat(throttle.delayFor(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayFor(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayFor(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delayFor(8)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delayFor(500)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockTheEmailForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("lea@acme.test", ADDRESS);
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(throttle.lockedFor("lea@acme.test", "198.51.100.7")).isEmpty();

        throttle.recordFailure("lea@acme.test", ADDRESS);

        assertThat(throttle.lockedFor("lea@acme.test", "198.51.100.7")).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.lockedFor("lea@acme.test", "198.51.100.7")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("lea@acme.test", "198.51.100.7")).isEmpty();
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotLock() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("lea@acme.test", "198.51.100." + i);
            clock.advance(Duration.ofMinutes(4));
        }

        assertThat(throttle.lockedFor("lea@acme.test", ADDRESS)).isEmpty();
    }

    @Test
    void theEmailIsComparedWithoutCaseOrSurroundingBlanks() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(i % 2 == 0 ? "Lea@ACME.test" : " lea@acme.test ", "198.51.100." + i);
        }

        assertThat(throttle.lockedFor("LEA@acme.TEST", ADDRESS)).isPresent();
    }

    @Test
    void anUnknownEmailLocksExactlyLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("nobody@acme.test", ADDRESS);
        }

        assertThat(throttle.lockedFor("nobody@acme.test", "198.51.100.9")).contains(Duration.ofMinutes(15));
    }

    @Test
    void twentyFailuresFromOneAddressLockTheAddressForEveryEmail() {
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("person" + i + "@acme.test", ADDRESS);
        }
        assertThat(throttle.lockedFor("lea@acme.test", ADDRESS)).isEmpty();

        throttle.recordFailure("person19@acme.test", ADDRESS);

        assertThat(throttle.lockedFor("lea@acme.test", ADDRESS)).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("lea@acme.test", "198.51.100.1")).isEmpty();
    }

    @Test
    void aSuccessClearsTheEmailsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("lea@acme.test", ADDRESS);
        }
        throttle.recordSuccess("LEA@acme.test");

        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("lea@acme.test", ADDRESS)).isLessThanOrEqualTo(Duration.ofMillis(500));
        }
        assertThat(throttle.lockedFor("lea@acme.test", "198.51.100.1")).isEmpty();
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlySeen() {
        SignInThrottle small = new SignInThrottle(
                new GatewayProperties.Throttle(
                        Duration.ofMinutes(15),
                        3,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(4),
                        5,
                        20,
                        Duration.ofMinutes(15),
                        10),
                clock);
        for (int i = 0; i < 10_000; i++) {
            small.recordFailure("spray" + i + "@acme.test", "198.51.100." + (i % 250));
        }
        assertThat(small.trackedCount()).isLessThanOrEqualTo(2 * 10 + 2);
    }
}

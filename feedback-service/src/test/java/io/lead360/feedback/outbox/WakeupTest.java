package io.lead360.feedback.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WakeupTest {

    @Test
    void aRingBeforeTheWaitEndsItAtOnce() throws InterruptedException {
        Wakeup wakeup = new Wakeup();
        wakeup.ring();
        wakeup.ring();
        long start = System.nanoTime();
        assertThat(wakeup.await(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        // two rings before one wait are one round, not two
        assertThat(wakeup.await(Duration.ofMillis(50))).isFalse();
    }

    @Test
    void withoutARingTheWaitIsTheIdlePoll() throws InterruptedException {
        Wakeup wakeup = new Wakeup();
        long start = System.nanoTime();
        assertThat(wakeup.await(Duration.ofMillis(100))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    }

    @Test
    void aRingFromAnotherThreadWakesTheWaiter() throws InterruptedException {
        Wakeup wakeup = new Wakeup();
        Thread ringer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            wakeup.ring();
        });
        ringer.start();
        assertThat(wakeup.await(Duration.ofSeconds(5))).isTrue();
        ringer.join();
    }
}

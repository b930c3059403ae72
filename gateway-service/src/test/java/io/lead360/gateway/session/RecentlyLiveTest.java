package io.lead360.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RecentlyLiveTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RecentlyLive recentlyLive = new RecentlyLive(Duration.ofSeconds(1), 100, nanos::get);
    private final AtomicInteger checks = new AtomicInteger();

    private Mono<Boolean> answer(boolean live) {
        return Mono.fromSupplier(() -> {
            checks.incrementAndGet();
            return live;
        });
    }

    @Test
    void aLiveAnswerIsReusedWithinTheBoundAndAskedAgainAfterIt() {
        assertThat(recentlyLive.isLive("s/p", k -> answer(true)).block()).isTrue();
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(recentlyLive.isLive("s/p", k -> answer(true)).block()).isTrue();
        assertThat(checks).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(recentlyLive.isLive("s/p", k -> answer(false)).block()).isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aFailedCheckIsNotRememberedSoTheSourceIsAskedAgain() {
        assertThatThrownBy(() -> recentlyLive
                        .isLive("s/p", k -> Mono.error(new IllegalStateException("down")))
                        .block())
                .hasMessageContaining("down");
        assertThat(recentlyLive.isLive("s/p", k -> answer(true)).block()).isTrue();
    }

    @Test
    void aCheckThatFailsOnAnotherThreadIsGoneBeforeTheCallerHearsOfIt() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> recentlyLive
                            .isLive(
                                    "s/p",
                                    k -> Mono.delay(Duration.ofMillis(5))
                                            .then(Mono.<Boolean>error(new IllegalStateException("down"))))
                            .block())
                    .hasMessageContaining("down");
            assertThat(recentlyLive.isLive("s/p", k -> answer(true)).block())
                    .as("the next call asks again at once")
                    .isTrue();
            recentlyLive.forget("s/p");
        }
        assertThat(checks).hasValue(20);
    }

    @Test
    void pastTheBoundAnUnreachableSourceFailsTheCall() {
        recentlyLive.isLive("s/p", k -> answer(true)).block();
        nanos.addAndGet(Duration.ofMillis(1001).toNanos());
        assertThatThrownBy(() -> recentlyLive
                        .isLive("s/p", k -> Mono.error(new IllegalStateException("down")))
                        .block())
                .hasMessageContaining("down");
    }

    @Test
    void anEndedAnswerIsNotReused() {
        recentlyLive.isLive("s/p", k -> answer(false)).block();
        assertThat(recentlyLive.isLive("s/p", k -> answer(true)).block()).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void forgettingDropsTheAnswerAtOnce() {
        recentlyLive.isLive("s/p", k -> answer(true)).block();
        recentlyLive.forget("s/p");
        recentlyLive.isLive("s/p", k -> answer(true)).block();
        assertThat(checks).hasValue(2);
    }
}

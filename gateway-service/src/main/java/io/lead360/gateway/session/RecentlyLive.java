package io.lead360.gateway.session;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * "Live" answers of the source of truth, each usable for {@code liveFor} after the check that gave
 * it, so that a busy session costs one round trip per bound rather than one per call. Concurrent
 * callers for one key share the check in flight. Only "live" is kept here: a failed check is not
 * remembered (the next caller asks again, and is refused while the source cannot answer — fail
 * closed), and an ended session is remembered by {@link LiveSessions}. {@link #forget} drops an
 * answer at once, for the gateway's own sign-out.
 */
final class RecentlyLive {

    private final AsyncCache<String, Boolean> answers;

    RecentlyLive(Duration liveFor, int maxRemembered, Ticker ticker) {
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(liveFor)
                .maximumSize(maxRemembered)
                .ticker(ticker)
                .buildAsync();
    }

    /** The answer for the key: a recent "live", or the check's own (shared with concurrent callers). */
    Mono<Boolean> isLive(String key, Function<String, Mono<Boolean>> check) {
        CompletableFuture<Boolean> answer =
                answers.get(key, (k, executor) -> check.apply(k).toFuture());
        // only "live" is reused: "not live" and a failure leave before the caller hears of them (Caffeine drops a
        // failed future itself, but only when its own callback runs, which may come after the caller's next call),
        // and only this check's answer leaves, not a newer one another caller put meanwhile
        return Mono.fromFuture(answer, true)
                .doOnNext(live -> {
                    if (!live) {
                        answers.asMap().remove(key, answer);
                    }
                })
                .doOnError(e -> answers.asMap().remove(key, answer));
    }

    void forget(String key) {
        answers.synchronous().invalidate(key);
    }
}

package io.lead360.feedback.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

    /** The cheapest bcrypt: the same algorithm, fast enough for a unit test. */
    private static final PasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    private static List<String> passwords(int n) {
        return IntStream.range(0, n).mapToObj(i -> "password-" + i).toList();
    }

    @Test
    void eachHashMatchesItsPasswordInOrder() {
        try (PasswordHashing hashing = new PasswordHashing(BCRYPT, 3)) {
            List<String> passwords = passwords(25);
            List<String> hashes = hashing.hashAll(passwords, n -> {});
            assertThat(hashes).hasSize(25);
            for (int i = 0; i < passwords.size(); i++) {
                assertThat(BCRYPT.matches(passwords.get(i), hashes.get(i)))
                        .as("hash %d", i)
                        .isTrue();
                assertThat(BCRYPT.matches(passwords.get((i + 1) % 25), hashes.get(i)))
                        .isFalse();
            }
        }
    }

    @Test
    void passwordsAreHashedSideBySideOnThePoolNotOnTheCallersThread() {
        // each of the first two hashes waits for the other: only two threads at once get past the barrier
        CyclicBarrier both = new CyclicBarrier(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        PasswordEncoder meeting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                threads.add(Thread.currentThread().getName());
                if (calls.incrementAndGet() <= 2) {
                    try {
                        both.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the two hashes did not run at the same time", e);
                    }
                }
                return "hash-of-" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return encoded.equals("hash-of-" + raw);
            }
        };
        try (PasswordHashing hashing = new PasswordHashing(meeting, 2)) {
            assertThat(hashing.hashAll(passwords(6), n -> {})).hasSize(6);
        }
        assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("password-hashing-"));
    }

    @Test
    void progressCountsUpToEveryPassword() {
        Set<Integer> heard = ConcurrentHashMap.newKeySet();
        try (PasswordHashing hashing = new PasswordHashing(BCRYPT, 2)) {
            hashing.hashAll(passwords(10), heard::add);
        }
        assertThat(heard)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 10).boxed().toList());
    }

    @Test
    void oneFailingHashFailsTheWholeCall() {
        PasswordEncoder failsOnThird = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                if (raw.toString().equals("password-2")) {
                    throw new IllegalArgumentException("no");
                }
                return BCRYPT.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return BCRYPT.matches(raw, encoded);
            }
        };
        try (PasswordHashing hashing = new PasswordHashing(failsOnThird, 2)) {
            assertThatThrownBy(() -> hashing.hashAll(passwords(8), n -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasRootCauseInstanceOf(IllegalArgumentException.class);
            // and the pool is still good for the next import
            assertThat(hashing.hashAll(List.of("password-x"), n -> {})).hasSize(1);
        }
    }

    @Test
    void nothingToHashAnswersAtOnce() {
        try (PasswordHashing hashing = new PasswordHashing(BCRYPT, 2)) {
            assertThat(hashing.hashAll(List.of(), n -> {})).isEmpty();
        }
    }

    @Test
    void aClosedPoolHashesNoMore() {
        PasswordHashing hashing = new PasswordHashing(BCRYPT, 2);
        hashing.close();
        assertThatThrownBy(() -> hashing.hashAll(passwords(2), n -> {}))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }
}

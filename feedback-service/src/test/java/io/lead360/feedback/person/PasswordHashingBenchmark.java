package io.lead360.feedback.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A measurement, not a timed test: the import's passwords hashed one at a time (as before issue 15) and on
 * {@link PasswordHashing}'s pool, with the encoder the service uses, printed as people per second. Runs only
 * with the {@code benchmarks} profile: {@code ./mvnw -pl feedback-service -am verify -Pbenchmarks
 * -Dit.test=PasswordHashingBenchmark}.
 */
class PasswordHashingBenchmark {

    private static final int PASSWORDS = 400;

    @Test
    void serialAgainstThePool() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<String> passwords = IntStream.range(0, PASSWORDS)
                .mapToObj(i -> "bench-password-" + i)
                .toList();
        int cores = Runtime.getRuntime().availableProcessors();
        // warm both up, then measure side by side
        passwords.subList(0, 20).forEach(encoder::encode);
        long t0 = System.nanoTime();
        passwords.forEach(encoder::encode);
        double serial = (System.nanoTime() - t0) / 1e9;
        double pooled;
        try (PasswordHashing hashing = new PasswordHashing(encoder, cores)) {
            hashing.hashAll(passwords.subList(0, 20), n -> {});
            long t1 = System.nanoTime();
            assertThat(hashing.hashAll(passwords, n -> {})).hasSize(PASSWORDS);
            pooled = (System.nanoTime() - t1) / 1e9;
        }
        System.out.printf(
                "password hashing, %d passwords, %d cores: one at a time %.1f people/s (%.1f s, %.1f ms each); "
                        + "on the pool %.1f people/s (%.1f s); %.2fx%n",
                PASSWORDS,
                cores,
                PASSWORDS / serial,
                serial,
                serial * 1000 / PASSWORDS,
                PASSWORDS / pooled,
                pooled,
                serial / pooled);
    }
}

package io.lead360.feedback.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A measurement, not a timed test: an import's passwords hashed one at a time (as before issue 15) and on
 * {@link PasswordHashing}'s pool, with the encoder the service uses, printed as people per second. The two
 * alternate in rounds, so that other load on the machine falls on both alike. Runs only with the
 * {@code benchmarks} profile: {@code ./mvnw -pl feedback-service -am verify -Pbenchmarks -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PasswordHashingBenchmark}.
 */
class PasswordHashingBenchmark {

    private static final int PASSWORDS = 400;
    private static final int ROUNDS = 8;

    @Test
    void oneAtATimeAgainstThePool() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<String> passwords = IntStream.range(0, PASSWORDS / ROUNDS)
                .mapToObj(i -> "bench-password-" + i)
                .toList();
        int cores = Runtime.getRuntime().availableProcessors();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long serial = 0;
        long pooled = 0;
        long serialCpu = 0;
        long pooledCpu = 0;
        try (PasswordHashing hashing = new PasswordHashing(encoder, cores)) {
            // warm both up
            passwords.subList(0, 10).forEach(encoder::encode);
            hashing.hashAll(passwords.subList(0, 10), n -> {});
            for (int round = 0; round < ROUNDS; round++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                passwords.forEach(encoder::encode);
                long c1 = os.getProcessCpuTime();
                long t1 = System.nanoTime();
                assertThat(hashing.hashAll(passwords, n -> {})).hasSize(passwords.size());
                long c2 = os.getProcessCpuTime();
                long t2 = System.nanoTime();
                serial += t1 - t0;
                pooled += t2 - t1;
                serialCpu += c1 - c0;
                pooledCpu += c2 - c1;
            }
        }
        System.out.printf(
                "password hashing, %d passwords each way in %d alternating rounds, %d cores, load average %.1f before: "
                        + "one at a time %.1f people/s (%.1f ms each); on the pool of %d threads %.1f people/s; "
                        + "%.2fx; cores' worth of CPU the process got: %.2f one at a time, %.2f on the pool%n",
                PASSWORDS,
                ROUNDS,
                cores,
                load,
                PASSWORDS / (serial / 1e9),
                serial / 1e6 / PASSWORDS,
                cores,
                PASSWORDS / (pooled / 1e9),
                (double) serial / pooled,
                (double) serialCpu / serial,
                (double) pooledCpu / pooled);
    }
}

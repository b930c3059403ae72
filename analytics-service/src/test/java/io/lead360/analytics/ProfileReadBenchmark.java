package io.lead360.analytics;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.lead360.events.Relationship;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Not a test with a time limit: prints the latency of {@code GET /api/profiles/{id}} (token check,
 * gating, aggregate read, anonymity policy, calculation, trend, JSON) over many reads.
 */
class ProfileReadBenchmark extends AbstractIT {

    private static final int SUBJECTS = 50;
    private static final int RATERS = 8;
    private static final int WARM_UP = 300;
    private static final int READS = 2_000;

    @Test
    void profileReadLatency() throws Exception {
        String cycleId = unique("bench");
        var invited = new HashMap<String, Map<Relationship, Integer>>();
        for (int s = 0; s < SUBJECTS; s++) {
            invited.put(
                    "reader-" + s,
                    Map.of(Relationship.SELF, 1, Relationship.MANAGER, 1, Relationship.DIRECT_REPORT, RATERS));
        }
        publish(cycleOpened(cycleId, 3, invited));
        var random = ThreadLocalRandom.current();
        for (String subjectId : invited.keySet()) {
            publish(submission(cycleId, subjectId, Relationship.SELF, ratings(random), Map.of()));
            publish(submission(cycleId, subjectId, Relationship.MANAGER, ratings(random), Map.of("stop", "x")));
            for (int r = 0; r < RATERS; r++) {
                publish(submission(
                        cycleId, subjectId, Relationship.DIRECT_REPORT, ratings(random), Map.of("start", "idea " + r)));
            }
        }
        publish(cycleClosed(cycleId, invited));
        publish(resultsReleased(cycleId, invited.keySet()));
        String admin = bearer(unique("hr"), "ADMIN");
        await().atMost(Duration.ofMinutes(5))
                .until(() -> invited.keySet().stream().allMatch(s -> status(s, cycleId, admin) == 200));

        for (int i = 0; i < WARM_UP; i++) {
            status("reader-" + (i % SUBJECTS), cycleId, admin);
        }
        long[] nanos = new long[READS];
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            int status = status("reader-" + (i % SUBJECTS), cycleId, admin);
            nanos[i] = System.nanoTime() - start;
            if (status != 200) {
                throw new IllegalStateException("read answered " + status);
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%n[benchmark] profile read latency over %d reads (MockMvc, in-process): "
                        + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n%n",
                READS,
                ms(nanos, 0.50),
                ms(nanos, 0.95),
                ms(nanos, 0.99),
                nanos[READS - 1] / 1e6);
    }

    private int status(String subjectId, String cycleId, String admin) {
        try {
            return mvc.perform(get("/api/profiles/{id}", subjectId)
                            .param("cycleId", cycleId)
                            .header(HttpHeaders.AUTHORIZATION, admin))
                    .andReturn()
                    .getResponse()
                    .getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> ratings(ThreadLocalRandom random) {
        var ratings = new HashMap<String, Integer>();
        for (String item : new String[] {"t1", "t2", "t3", "v1", "v2"}) {
            ratings.put(item, 1 + random.nextInt(5));
        }
        return ratings;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}

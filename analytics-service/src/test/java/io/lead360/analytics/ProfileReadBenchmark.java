package io.lead360.analytics;

import static org.awaitility.Awaitility.await;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.profile.ProfileService;
import io.lead360.analytics.profile.aggregate.CountedResponse;
import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Relationship;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Not a test with a time limit: prints how many {@code GET /api/profiles/{id}?cycleId=} a released
 * cycle with {@value #RESPONSES} responses answers per second over real HTTP (the application on a
 * random port, a JVM client with keep-alive connections on a few threads), each subject reading
 * their own profile, then administrators reading them (audited).
 * Run: {@code ./mvnw -B verify -pl analytics-service -am -Pbenchmarks -Dit.test=ProfileReadBenchmark
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true}
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfileReadBenchmark extends AbstractIT {

    private static final int RESPONSES = Integer.getInteger("benchmark.responses", 200_000);
    private static final int SUBJECTS = Integer.getInteger("benchmark.subjects", 200);
    private static final int CLIENT_THREADS = Integer.getInteger("benchmark.threads", 4);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("benchmark.warmUpSeconds", 10));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));
    /** Events per store write, as one poll of the live listener brings them. */
    private static final int BATCH = 2_000;

    private static final String[] ITEMS = {"t1", "t2", "t3", "v1", "v2"};

    private static final HttpClient PROBE =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    ProfileAggregateStore aggregates;

    @Autowired
    ActiveCollections collections;

    @Autowired
    CycleStore cycles;

    @Autowired
    ProfileService profiles;

    @Autowired
    JwtDecoder jwt;

    @Test
    void profileReadThroughput() throws Exception {
        String cycleId = unique("bench");
        int perSubject = RESPONSES / SUBJECTS;
        var invited = new LinkedHashMap<String, Map<Relationship, Integer>>();
        for (int s = 0; s < SUBJECTS; s++) {
            invited.put(
                    unique("leader"),
                    Map.of(
                            Relationship.SELF,
                            1,
                            Relationship.MANAGER,
                            1,
                            Relationship.PEER,
                            10,
                            Relationship.DIRECT_REPORT,
                            perSubject - 12));
        }
        publish(cycleOpened(cycleId, 3, invited));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> status(cycleId, invited.keySet().iterator().next()) == 409);

        long loadStart = System.nanoTime();
        storeResponses(cycleId, invited);
        System.out.printf(
                Locale.ROOT,
                "%n[benchmark] %d responses about %d subjects stored in %.1f s%n",
                RESPONSES,
                SUBJECTS,
                (System.nanoTime() - loadStart) / 1e9);
        publish(cycleClosed(cycleId, invited));
        publish(resultsReleased(cycleId, invited.keySet()));
        String admin = bearer(unique("hr"), "ADMIN");
        await().atMost(Duration.ofMinutes(5))
                .until(() -> invited.keySet().stream()
                        .allMatch(s -> status(cycleId, s, bearer(s, "LEADER", "EMPLOYEE")) == 200));

        breakdown(cycleId, List.copyOf(invited.keySet()));
        String stranger = bearer(unique("eve"), "EMPLOYEE");
        var own = new ArrayList<Read>();
        var audited = new ArrayList<Read>();
        invited.keySet().forEach(subject -> {
            own.add(new Read(profileUri(cycleId, subject), bearer(subject, "LEADER", "EMPLOYEE")));
            audited.add(new Read(profileUri(cycleId, subject), admin));
        });
        var strangers = new ArrayList<Read>();
        invited.keySet().forEach(subject -> strangers.add(new Read(profileUri(cycleId, subject), stranger, 403)));
        report("subjects reading their own profile", own);
        report("administrators reading profiles (audited)", audited);
        // the ceiling of this setup: token check, access rule and a problem+json answer, nothing read
        report("strangers refused (403, nothing read)", strangers);
    }

    /** Where the time of one read goes: each step of it alone, single-threaded, in the test's JVM. */
    private void breakdown(String cycleId, List<String> subjects) {
        Cycle cycle = cycles.find(cycleId).orElseThrow();
        String token = bearer(subjects.get(0), "LEADER").substring("Bearer ".length());
        var steps = new LinkedHashMap<String, Runnable>();
        steps.put("token check (JwtDecoder)", () -> jwt.decode(token));
        steps.put("served set (settings by _id)", collections::active);
        steps.put("cycle by _id", () -> cycles.find(cycleId));
        steps.put("aggregate by _id", () -> aggregates.find(cycleId, subjects.get(0)));
        steps.put("released cycles of the subject (trend)", () -> cycles.releasedWithSubject(subjects.get(0)));
        var aggregate = aggregates.find(cycleId, subjects.get(0));
        steps.put("calculation", () -> profiles.calculate(cycle, subjects.get(0), aggregate));
        var profile = profiles.calculate(cycle, subjects.get(0), aggregate);
        steps.put("JSON of the profile", () -> json.writeValueAsBytes(profile));
        steps.forEach((step, run) -> {
            for (int i = 0; i < 50; i++) {
                run.run();
            }
            int times = 300;
            long start = System.nanoTime();
            for (int i = 0; i < times; i++) {
                run.run();
            }
            System.out.printf(
                    Locale.ROOT, "[benchmark]   %-40s %8.3f ms%n", step, (System.nanoTime() - start) / 1e6 / times);
        });
    }

    /** The way the live listener writes: one {@link ProfileAggregateStore#applyAll} per poll of events. */
    private void storeResponses(String cycleId, Map<String, Map<Relationship, Integer>> invited) {
        var random = ThreadLocalRandom.current();
        var pending = new ArrayList<Response>();
        var remaining = new HashMap<String, Map<Relationship, Integer>>();
        invited.forEach((subject, counts) -> remaining.put(subject, new HashMap<>(counts)));
        while (!remaining.isEmpty()) {
            for (var subjects = remaining.entrySet().iterator(); subjects.hasNext(); ) {
                var subject = subjects.next();
                var groups = subject.getValue();
                Relationship relationship = groups.keySet().iterator().next();
                if (groups.merge(relationship, -1, Integer::sum) == 0) {
                    groups.remove(relationship);
                }
                if (groups.isEmpty()) {
                    subjects.remove();
                }
                var ratings = new HashMap<String, Integer>();
                for (String item : ITEMS) {
                    ratings.put(item, random.nextInt(10) == 0 ? null : 1 + random.nextInt(5));
                }
                Map<String, String> comments =
                        random.nextInt(4) == 0 ? Map.of("start", "comment " + random.nextInt(1_000_000)) : Map.of();
                pending.add(new Response(
                        cycleId,
                        subject.getKey(),
                        UUID.randomUUID().toString(),
                        new FeedbackSubmitted.Answers(relationship, "leadership-360", ratings, comments)));
                if (pending.size() == BATCH) {
                    write(pending);
                }
            }
        }
        write(pending);
    }

    private void write(List<Response> responses) {
        for (CollectionSet target : collections.writeTargets()) {
            aggregates.applyAll(responses, target);
        }
        responses.clear();
    }

    private record Response(String cycleId, String subjectId, String eventId, FeedbackSubmitted.Answers answers)
            implements CountedResponse {}

    private record Read(URI uri, String authorization, int expected) {

        Read(URI uri, String authorization) {
            this(uri, authorization, 200);
        }
    }

    private URI profileUri(String cycleId, String subjectId) {
        return URI.create("http://127.0.0.1:" + port + "/api/profiles/" + subjectId + "?cycleId=" + cycleId);
    }

    private int status(String cycleId, String subjectId) {
        return status(cycleId, subjectId, bearer(unique("hr"), "ADMIN"));
    }

    private int status(String cycleId, String subjectId, String authorization) {
        try {
            return PROBE.send(
                            request(new Read(profileUri(cycleId, subjectId), authorization)),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest request(Read read) {
        return HttpRequest.newBuilder(read.uri())
                .header("Authorization", read.authorization())
                .GET()
                .build();
    }

    /** Warm-up, then {@link #MEASURED} of reads on {@link #CLIENT_THREADS} threads, each with its own keep-alive connection. */
    private void report(String what, List<Read> reads) throws Exception {
        run(reads, WARM_UP);
        long[][] perThread = run(reads, MEASURED);
        long[] nanos =
                Arrays.stream(perThread).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "[benchmark] profile reads, %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms "
                        + "(%d reads in %d s, %d client threads, %d cores, %d responses stored)%n",
                what,
                nanos.length / (double) MEASURED.toSeconds(),
                ms(nanos, 0.50),
                ms(nanos, 0.99),
                nanos.length,
                MEASURED.toSeconds(),
                CLIENT_THREADS,
                Runtime.getRuntime().availableProcessors(),
                RESPONSES);
    }

    private static long[][] run(List<Read> reads, Duration length) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            long end = System.nanoTime() + length.toNanos();
            var results = new ArrayList<Future<long[]>>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                int first = t;
                results.add(threads.submit(() -> readUntil(reads, first, end)));
            }
            long[][] latencies = new long[CLIENT_THREADS][];
            for (int t = 0; t < CLIENT_THREADS; t++) {
                latencies[t] = results.get(t).get();
            }
            return latencies;
        } finally {
            threads.shutdown();
        }
    }

    private static long[] readUntil(List<Read> reads, int first, long end) throws Exception {
        // one client per thread, so one keep-alive connection each (Java 17's client is not closeable)
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var latencies = new long[1 << 16];
        int n = 0;
        for (int i = first; System.nanoTime() < end; i += CLIENT_THREADS) {
            Read read = reads.get(i % reads.size());
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request(read), HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            if (response.statusCode() != read.expected()) {
                throw new IllegalStateException(read.uri() + " answered " + response.statusCode());
            }
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = took;
        }
        return Arrays.copyOf(latencies, n);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}

package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.infra.demo.ApiClient;
import io.lead360.infra.demo.ApiClient.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Nothing lost, nothing counted twice: raters answer concurrently through the gateway while a fault
 * is injected (Kafka or MongoDB stopped, a service SIGKILLed, a malformed event, the whole platform
 * stopped); afterwards every acknowledged submission must be counted exactly once (the cycle's progress,
 * from feedback-service's ballots) and, after close and release, be in the profiles exactly once. One
 * platform for all cases, each case with a cycle of its own, in an order that leaves the stack
 * healthy for the next. Each case prints a line (acknowledged, lost, double-counted, recovery),
 * collected in {@code target/fault-report.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {

    private static final String PASSWORD = "fault-it-password";
    private static final String DOMAIN = "@fault.e2e.test";
    private static final OrgChart chart = new OrgChart(DOMAIN, PASSWORD);
    private static final int DIRECTORS = 4;
    private static final int LEADS_PER_DIRECTOR = 2;
    private static final int MEMBERS_PER_LEAD = 5;
    private static final int THRESHOLD = 3;
    private static final String FEEDBACK_TOPIC = "lead360.feedback-submitted.v1";
    private static final String DEAD_LETTERS = FEEDBACK_TOPIC + ".dlt";
    /** A gateway answer for a service that is down must come quickly, not after a timeout. */
    private static final long FAST_MILLIS = 3_000;

    private static Platform platform;
    private static ApiClient api;
    private static ProfileChecker checker;
    private static List<ExpectedProfile.Item> items;
    private static final Map<String, String> tokenByEmail = new LinkedHashMap<>();
    private static final List<String> subjectIds = new ArrayList<>();
    private static final List<String> report = new ArrayList<>();
    private static long tokensIssuedAt;
    private static String admin;

    @BeforeAll
    static void up() throws Exception {
        platform = new Platform("fault-it").withEnv("LEAD360_INFRA_FAULT_CONTROL", "true");
        platform.run("up");
        api = new ApiClient(platform.gatewayUrl());
        admin = api.signIn(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);

        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        rows.add(chart.person("ceo", null));
        for (int d = 1; d <= DIRECTORS; d++) {
            String director = "dir" + d;
            rows.add(chart.person(director, "ceo"));
            subjects.add(director);
            for (int l = 1; l <= LEADS_PER_DIRECTOR; l++) {
                String lead = director + "-lead" + l;
                rows.add(chart.person(lead, director));
                subjects.add(lead);
                for (int m = 1; m <= MEMBERS_PER_LEAD; m++) {
                    rows.add(chart.person(lead + "-m" + m, lead));
                }
            }
        }
        api.importPeople(admin, rows);
        Map<String, String> idByEmail = new LinkedHashMap<>();
        for (JsonNode p : api.get("/api/people", admin).expect(200).json()) {
            idByEmail.put(p.get("email").asString(), p.get("id").asString());
        }
        subjects.forEach(s -> subjectIds.add(idByEmail.get(s + DOMAIN)));
        rows.forEach(r -> tokenByEmail.put((String) r.get("email"), null));
        signInEveryone();

        items = new ArrayList<>();
        for (JsonNode c : api.get("/api/templates/leadership-360", admin)
                .expect(200)
                .json()
                .get("competencies")) {
            for (JsonNode item : c.get("items")) {
                items.add(new ExpectedProfile.Item(
                        item.get("id").asString(),
                        c.get("key").asString(),
                        item.get("reverse").asBoolean()));
            }
        }
        checker = new ProfileChecker(api, items, THRESHOLD);
    }

    @AfterAll
    static void down() throws IOException {
        if (!report.isEmpty()) {
            String text = String.join(System.lineSeparator(), report) + System.lineSeparator();
            System.out.println("Fault suite report:" + System.lineSeparator() + text);
            Path file = Path.of("target/fault-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        if (platform != null) {
            platform.stopQuietly();
        }
    }

    /** Whatever the previous case did, this one starts with everything up (./lead360 up starts only what is missing). */
    @BeforeEach
    void everythingRuns() throws Exception {
        platform.run("up");
        if (System.nanoTime() - tokensIssuedAt > TimeUnit.MINUTES.toNanos(10)) {
            signInEveryone(); // access tokens live 15 minutes
        }
    }

    @Test
    @Order(1)
    void aMalformedEventGoesToTheDeadLetterTopicWithoutHoldingUpItsPartition() throws Exception {
        Cycle cycle = openCycle("malformed event");
        String subject = subjectIds.get(1);
        // the subject's self-assessment: attributed, so it is published (and applied) without waiting for a batch
        LoadDriver.Task held = cycle.tasks().stream()
                .filter(t -> t.subjectId().equals(subject) && t.relationship().equals("SELF"))
                .findFirst()
                .orElseThrow();
        List<LoadDriver.Task> rest = new ArrayList<>(cycle.tasks());
        rest.remove(held);
        LoadDriver driver = driver(5);
        LoadDriver.Run run = driver.start(rest, Duration.ofSeconds(8), Duration.ofSeconds(60))
                .get();
        assertThat(checker.awaitCounts(
                                admin, cycle.id(), subjectIds, run.acknowledgedBySubject(), Duration.ofSeconds(60))
                        .matched())
                .isTrue();

        // Same key as the subject's events, so the same partition: the valid answer waits behind them.
        String notJson = "{ not an event " + cycle.id();
        String badScore = "{\"type\":\"FeedbackSubmitted\",\"eventId\":\"00000000-0000-0000-0000-000000000001\","
                + "\"cycleId\":\"" + cycle.id() + "\",\"subjectId\":\"" + subject + "\",\"ratings\":{\"trust-1\":9}}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.kafkaBootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(FEEDBACK_TOPIC, subject, notJson))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(FEEDBACK_TOPIC, subject, badScore))
                    .get(30, TimeUnit.SECONDS);
        }
        long sent = System.nanoTime();
        LoadDriver.Run last = driver.start(List.of(held), Duration.ZERO, Duration.ofSeconds(30))
                .get();
        Map<String, List<ExpectedProfile.Response>> acknowledged = merge(run, last);
        boolean applied = awaitAppliedSelfAssessment(cycle.id(), subject, Duration.ofSeconds(30));
        long heldUpMillis = (System.nanoTime() - sent) / 1_000_000;

        List<ConsumerRecord<String, String>> dead =
                deadLetters(r -> r.value().contains(cycle.id()), 2, Duration.ofSeconds(30));
        ProfileChecker.Counts all =
                checker.awaitCounts(admin, cycle.id(), subjectIds, acknowledged, Duration.ofSeconds(30));
        record(
                "5 malformed event on the topic",
                run.acknowledged() + last.acknowledged(),
                all,
                run.lostAnswers() + last.lostAnswers(),
                String.format(
                        "next event of the partition applied %d ms after the garbage; %d dead letters (%s)",
                        heldUpMillis,
                        dead.size(),
                        dead.stream()
                                .map(d -> header(d, "kafka_dlt-exception-cause-fqcn"))
                                .toList()));

        assertThat(applied)
                .as("the subject's answer behind the garbage is applied")
                .isTrue();
        assertThat(heldUpMillis).as("the partition is not held up").isLessThan(5_000);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(notJson, badScore);
        assertThat(dead)
                .allSatisfy(d -> assertThat(header(d, "kafka_dlt-exception-cause-fqcn"))
                        .as("not retryable: dead-lettered at the first attempt")
                        .isEqualTo("io.lead360.analytics.ingest.InvalidEventException"));
        closeReleaseAndCompare(cycle, all, acknowledged);
    }

    @Test
    @Order(2)
    void kafkaStoppedFor30SecondsLosesNothingAndTheOutboxDrainsWhenItReturns() throws Exception {
        Cycle cycle = openCycle("kafka stopped");
        Future<LoadDriver.Run> load = driver(4).start(cycle.tasks(), Duration.ofSeconds(45), Duration.ofSeconds(150));
        Thread.sleep(7_000);
        long stopped = System.nanoTime();
        fault("kafka/stop");
        Thread.sleep(30_000);
        fault("kafka/start");
        long started = System.nanoTime();
        LoadDriver.Run run = load.get();

        ProfileChecker.Counts counts =
                checker.awaitCounts(admin, cycle.id(), subjectIds, run.acknowledgedBySubject(), Duration.ofSeconds(90));
        List<LoadDriver.Attempt> whileDown =
                run.attemptsBetween(run.millisSinceStart(stopped), run.millisSinceStart(started));
        long appliedMillis = closeReleaseAndCompare(cycle, counts, run.acknowledgedBySubject());
        record(
                "1 Kafka stopped 30 s",
                run.acknowledged(),
                counts,
                run.lostAnswers(),
                String.format(
                        "%d submissions answered while Kafka was down, all 201: %s; every profile complete %d ms after the close",
                        whileDown.size(), whileDown.stream().allMatch(a -> a.status() == 201), appliedMillis));

        assertThat(run.unresolved()).isZero();
        assertThat(whileDown)
                .as("submissions while Kafka is down")
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(counts.matched()).as("counts " + counts).isTrue();
    }

    @Test
    @Order(3)
    void mongoDbStoppedAndStartedGives503WhileAwayAndRecoversWithoutARestart() throws Exception {
        Cycle cycle = openCycle("mongodb stopped");
        String subject = subjectIds.get(0);
        Future<LoadDriver.Run> load = driver(4).start(cycle.tasks(), Duration.ofSeconds(30), Duration.ofSeconds(150));
        Thread.sleep(6_000);
        // analytics paused while the outbox publishes, so it meets events when MongoDB is already gone
        platform.signal("analytics-service", "STOP");
        Thread.sleep(2_000);
        fault("mongodb/stop");
        platform.signal("analytics-service", "CONT");
        List<String> probes = new ArrayList<>();
        long slowest = 0;
        for (int i = 0; i < 3; i++) {
            for (String path :
                    List.of("/api/cycles/" + cycle.id(), "/api/profiles/" + subject + "?cycleId=" + cycle.id())) {
                long t0 = System.nanoTime();
                Response answer = api.get(path, admin);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                slowest = Math.max(slowest, millis);
                probes.add(answer.status() + " " + answer.contentType() + " " + millis + "ms " + path.split("\\?")[0]);
            }
            Thread.sleep(3_000);
        }
        Thread.sleep(3_000);
        fault("mongodb/start");
        long started = System.nanoTime();
        long backMillis = -1;
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
            if (api.get("/api/cycles/" + cycle.id(), admin).status() == 200
                    && api.get("/api/profiles/" + subject + "?cycleId=" + cycle.id(), admin)
                                    .status()
                            == 409) {
                backMillis = (System.nanoTime() - started) / 1_000_000;
                break;
            }
            Thread.sleep(200);
        }
        LoadDriver.Run run = load.get();
        ProfileChecker.Counts counts =
                checker.awaitCounts(admin, cycle.id(), subjectIds, run.acknowledgedBySubject(), Duration.ofSeconds(90));
        List<ConsumerRecord<String, String>> dead =
                deadLetters(r -> r.value().contains(cycle.id()), 0, Duration.ofSeconds(5));
        record(
                "4 MongoDB stopped ~15 s",
                run.acknowledged(),
                counts,
                run.lostAnswers(),
                String.format(
                        "services answered again %d ms after MongoDB returned (no restart); slowest answer while away %d ms; "
                                + "valid events dead-lettered: %d; probes %s",
                        backMillis, slowest, dead.size(), probes));

        assertThat(probes)
                .as("503 problem+json while MongoDB is away")
                .allSatisfy(p -> assertThat(p).startsWith("503 application/problem+json"));
        assertThat(slowest).isLessThan(5_000);
        assertThat(backMillis).as("recovered by themselves").isBetween(0L, 60_000L);
        assertThat(dead).as("valid events are retried, never dead-lettered").isEmpty();
        assertThat(run.unresolved()).isZero();
        assertThat(counts.matched()).as("counts " + counts).isTrue();
        closeReleaseAndCompare(cycle, counts, run.acknowledgedBySubject());
    }

    @Test
    @Order(4)
    void analyticsKilledMidBatchAndRestartedNeitherLosesNorDoubleCountsAndTheGatewayAnswers503Fast() throws Exception {
        Cycle cycle = openCycle("analytics killed");
        String subject = subjectIds.get(0);
        Future<LoadDriver.Run> load = driver(4).start(cycle.tasks(), Duration.ofSeconds(25), Duration.ofSeconds(150));
        Thread.sleep(4_000);
        // paused while answers keep coming, so that on resuming it has a big batch in hand when it is killed
        platform.signal("analytics-service", "STOP");
        Thread.sleep(4_000);
        platform.signal("analytics-service", "CONT");
        Thread.sleep(150);
        platform.kill9("analytics-service");
        long killed = System.nanoTime();
        List<Long> latencies = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            Response answer = api.get("/api/profiles/" + subject + "?cycleId=" + cycle.id(), admin);
            latencies.add((System.nanoTime() - t0) / 1_000_000);
            answers.add(answer.status() + " " + answer.contentType());
            Thread.sleep(300);
        }
        platform.run("up");
        long restarted = System.nanoTime();
        LoadDriver.Run run = load.get();
        ProfileChecker.Counts counts = checker.awaitCounts(
                admin, cycle.id(), subjectIds, run.acknowledgedBySubject(), Duration.ofSeconds(120));
        long caughtUp = System.nanoTime();
        record(
                "6 analytics down behind the gateway",
                0,
                null,
                0,
                String.format("gateway answers %s in %s ms", answers.get(0), latencies));
        record(
                "2 analytics SIGKILL mid-batch",
                run.acknowledged(),
                counts,
                run.lostAnswers(),
                String.format(
                        "restarted in %d ms; counts complete %d ms after the restart (%d ms after the kill)",
                        (restarted - killed) / 1_000_000,
                        (caughtUp - restarted) / 1_000_000,
                        (caughtUp - killed) / 1_000_000));

        assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo("503 application/problem+json"));
        assertThat(latencies).allSatisfy(ms -> assertThat(ms).isLessThan(FAST_MILLIS));
        assertThat(run.unresolved()).isZero();
        assertThat(counts.matched()).as("counts " + counts).isTrue();
        closeReleaseAndCompare(cycle, counts, run.acknowledgedBySubject());
    }

    @Test
    @Order(5)
    void feedbackKilledUnderLoadKeepsEvery201AndARetryGets409NeverADuplicate() throws Exception {
        Cycle cycle = openCycle("feedback killed");
        // a dense burst, so that answers are in flight when the process dies
        Future<LoadDriver.Run> load =
                driver(8).dropFirstAnswerOneIn(10).start(cycle.tasks(), Duration.ofSeconds(8), Duration.ofSeconds(150));
        Thread.sleep(3_000);
        platform.kill9("feedback-service");
        long killed = System.nanoTime();
        long t0 = System.nanoTime();
        Response whileDown = api.get("/api/cycles/" + cycle.id(), admin);
        long latency = (System.nanoTime() - t0) / 1_000_000;
        platform.run("up");
        long restarted = System.nanoTime();
        LoadDriver.Run run = load.get();
        ProfileChecker.Counts counts =
                checker.awaitCounts(admin, cycle.id(), subjectIds, run.acknowledgedBySubject(), Duration.ofSeconds(90));
        record(
                "6 feedback down behind the gateway",
                0,
                null,
                0,
                String.format("gateway answers %d %s in %d ms", whileDown.status(), whileDown.contentType(), latency));
        record(
                "3 feedback SIGKILL under load",
                run.acknowledged(),
                counts,
                run.lostAnswers(),
                String.format(
                        "retries: %d got 201, %d got 409 (first attempt had landed; %d of them after a 201 the client threw away, "
                                + "accepted twice: %d), unexplained 409: %d; restarted in %d ms; counts complete %d ms after the restart",
                        run.retriedAndCreated(),
                        run.retriedAndConflict(),
                        run.droppedCreated(),
                        run.acceptedTwice(),
                        run.unexplainedConflicts(),
                        (restarted - killed) / 1_000_000,
                        (System.nanoTime() - restarted) / 1_000_000));

        assertThat(whileDown.status()).isEqualTo(503);
        assertThat(whileDown.contentType()).contains("application/problem+json");
        assertThat(latency).isLessThan(FAST_MILLIS);
        assertThat(run.unresolved()).isZero();
        assertThat(run.lostAnswers())
                .as("some answers were lost while the service was down")
                .isPositive();
        assertThat(run.droppedCreated())
                .as("answers thrown away after they landed")
                .isPositive();
        assertThat(run.acceptedTwice())
                .as("a retry of a landed submission is 409, never a second 201")
                .isZero();
        assertThat(counts.matched())
                .as("every 201 (and every 409 after a lost answer) counted once: " + counts)
                .isTrue();
        closeReleaseAndCompare(cycle, counts, run.acknowledgedBySubject());
    }

    @Test
    @Order(6)
    void lead360DownDuringLoadLosesNothingAcknowledged() throws Exception {
        Cycle cycle = openCycle("lead360 down");
        Future<LoadDriver.Run> load = driver(4).start(cycle.tasks(), Duration.ofSeconds(20), Duration.ofSeconds(240));
        Thread.sleep(7_000);
        long down = System.nanoTime();
        platform.run("down");
        long stopped = System.nanoTime();
        platform.run("up");
        long upAgain = System.nanoTime();
        LoadDriver.Run run = load.get();
        ProfileChecker.Counts counts =
                checker.awaitCounts(admin, cycle.id(), subjectIds, run.acknowledgedBySubject(), Duration.ofSeconds(90));
        record(
                "7 ./lead360 down during load",
                run.acknowledged(),
                counts,
                run.lostAnswers(),
                String.format(
                        "down took %d ms, up %d ms; counts complete %d ms after up",
                        (stopped - down) / 1_000_000,
                        (upAgain - stopped) / 1_000_000,
                        (System.nanoTime() - upAgain) / 1_000_000));

        assertThat(run.unresolved()).isZero();
        assertThat(counts.matched()).as("counts " + counts).isTrue();
        closeReleaseAndCompare(cycle, counts, run.acknowledgedBySubject());
    }

    // ---------------------------------------------------------------------------------------------

    /** A cycle over every leader of the organisation, opened, with every rater's pending request as a task. */
    private record Cycle(String id, List<LoadDriver.Task> tasks) {}

    private static Cycle openCycle(String name) {
        String id = api.post(
                        "/api/cycles",
                        admin,
                        Map.of(
                                "name",
                                "Fault: " + name,
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                subjectIds,
                                "anonymityThreshold",
                                THRESHOLD))
                .expect(201)
                .json()
                .get("id")
                .asString();
        api.post("/api/cycles/" + id + "/open", admin, null).expect(200);
        List<LoadDriver.Task> tasks = new ArrayList<>();
        tokenByEmail.forEach((email, token) -> {
            for (JsonNode request :
                    api.get("/api/feedback-requests", token).expect(200).json()) {
                if (request.get("cycleId").asString().equals(id)
                        && request.get("status").asString().equals("PENDING")) {
                    tasks.add(new LoadDriver.Task(
                            token,
                            request.get("id").asString(),
                            request.get("subject").get("id").asString(),
                            request.get("relationship").asString()));
                }
            }
        });
        assertThat(tasks).hasSizeGreaterThan(50);
        return new Cycle(id, tasks);
    }

    private static LoadDriver driver(int threads) {
        return new LoadDriver(platform.gatewayUrl(), items, System.nanoTime(), threads);
    }

    private static void fault(String action) throws Exception {
        Response answer =
                new ApiClient(platform.infraUrl(), Duration.ofSeconds(120)).post("/faults/" + action, null, null);
        assertThat(answer.status())
                .as("fault control " + action + ": " + answer.body())
                .isEqualTo(200);
    }

    /**
     * Close, release, then every subject's whole profile must be what the acknowledged answers make.
     *
     * @return how long after the close every profile was complete
     */
    private static long closeReleaseAndCompare(
            Cycle cycle, ProfileChecker.Counts counts, Map<String, List<ExpectedProfile.Response>> acknowledged) {
        assertThat(counts.lost()).as("lost").isZero();
        assertThat(counts.doubleCounted()).as("double-counted").isZero();
        long closed = System.nanoTime();
        api.post("/api/cycles/" + cycle.id() + "/close", admin, null).expect(200);
        api.post("/api/cycles/" + cycle.id() + "/release", admin, null).expect(200);
        assertThat(checker.compareProfiles(admin, cycle.id(), subjectIds, acknowledged, Duration.ofSeconds(60)))
                .as("profiles against the acknowledged submissions")
                .isEmpty();
        return (System.nanoTime() - closed) / 1_000_000;
    }

    /** Whether analytics applied the subject's self-assessment while the cycle is open (the administrator's 409 counts). */
    private static boolean awaitAppliedSelfAssessment(String cycleId, String subject, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> applied = checker.applied(admin, cycleId, subject);
            if (applied != null && applied.getOrDefault("SELF", 0) == 1) {
                return true;
            }
            ProfileChecker.sleep(100);
        }
        return false;
    }

    private static void record(
            String name, int acknowledged, ProfileChecker.Counts counts, int lostAnswers, String detail) {
        String line = counts == null
                ? String.format("%-38s %s", name, detail)
                : String.format(
                        "%-38s acknowledged=%d lost=%d double-counted=%d lost-answers=%d; %s",
                        name, acknowledged, counts.lost(), counts.doubleCounted(), lostAnswers, detail);
        report.add(line);
        System.out.println("FAULT " + line);
    }

    private static Map<String, List<ExpectedProfile.Response>> merge(LoadDriver.Run... runs) {
        Map<String, List<ExpectedProfile.Response>> all = new LinkedHashMap<>();
        for (LoadDriver.Run run : runs) {
            run.acknowledgedBySubject()
                    .forEach((s, r) ->
                            all.computeIfAbsent(s, k -> new ArrayList<>()).addAll(r));
        }
        return all;
    }

    /** Reads the dead-letter topic from its beginning until {@code expected} matching records (or the time) is up. */
    private static List<ConsumerRecord<String, String>> deadLetters(
            java.util.function.Predicate<ConsumerRecord<String, String>> matching, int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.kafkaBootstrap(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || found.size() < expected)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (matching.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void signInEveryone() {
        tokenByEmail.replaceAll((email, old) -> api.signIn(email, PASSWORD));
        tokensIssuedAt = System.nanoTime();
    }
}

package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lead360.infra.demo.ApiClient;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as {@code ./lead360 up} starts it, exporting its traces over OTLP/HTTP to a receiver in
 * this test ({@code LEAD360_OTLP_ENDPOINT}) and logging JSON ({@code LEAD360_LOG_FORMAT=json}). An
 * administrator's close is one trace from the gateway through feedback-service's outbox and Kafka to
 * analytics-service; a rater's submission is traced up to its ballot and no further; no exported span
 * names a person, a request or an answer; the logs are JSON lines with the trace id; and every metric
 * the Grafana dashboard queries is in the services' Prometheus output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    private static final String PASSWORD = "e2e-rater-password";
    private static final String DOMAIN = "@observe.e2e.test";
    private static final OrgChart chart = new OrgChart(DOMAIN, PASSWORD).withRoles("EMPLOYEE");
    private static final List<String> RATERS = List.of("lea", "mo", "d1", "d2", "d3");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static OtlpReceiver otlp;
    private static Platform platform;
    private static ApiClient api;
    /** Everything no exported span may contain: every person's id and email, every request id, every comment. */
    private static final Set<String> secrets = new TreeSet<>();

    private static String closeTrace;

    @BeforeAll
    static void up() throws Exception {
        otlp = new OtlpReceiver();
        platform = new Platform("observability-it")
                .withEnv("LEAD360_OTLP_ENDPOINT", otlp.endpoint())
                .withEnv("LEAD360_LOG_FORMAT", "json");
        assertThat(platform.run("up")).contains("lead360 is up");
        api = new ApiClient(platform.gatewayUrl());
        String admin = api.signIn(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);

        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(chart.person("mo", null));
        rows.add(chart.person("lea", "mo"));
        for (String report : List.of("d1", "d2", "d3")) {
            rows.add(chart.person(report, "lea"));
        }
        api.importPeople(admin, rows);
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode p : api.get("/api/people", admin).expect(200).json()) {
            ids.put(p.get("email").asString(), p.get("id").asString());
            secrets.add(p.get("id").asString());
            secrets.add(p.get("email").asString());
        }
        String cycle = api.post(
                        "/api/cycles",
                        admin,
                        Map.of(
                                "name",
                                "Observed cycle",
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                List.of(ids.get(chart.email("lea")))))
                .expect(201)
                .json()
                .get("id")
                .asString();
        api.post("/api/cycles/" + cycle + "/open", admin, null).expect(200);

        for (String rater : RATERS) {
            String token = api.signIn(chart.email(rater), PASSWORD);
            String request = api.get("/api/feedback-requests", token)
                    .expect(200)
                    .json()
                    .get(0)
                    .get("id")
                    .asString();
            String marker = "comment-marker-" + UUID.randomUUID();
            secrets.add(request);
            secrets.add(marker);
            api.post(
                            "/api/feedback-requests/" + request + "/response",
                            token,
                            Map.of("ratings", Map.of("trust-1", 4), "comments", Map.of("start", marker)))
                    .expect(201);
        }
        api.post("/api/cycles/" + cycle + "/close", admin, null).expect(200);
    }

    @AfterAll
    static void down() {
        if (platform != null) {
            platform.stopQuietly();
        }
        if (otlp != null) {
            otlp.close();
        }
    }

    @Test
    @Order(1)
    void anAdministratorsCloseIsOneTraceFromTheGatewayThroughTheOutboxAndKafkaToAnalytics() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            OtlpReceiver.Exported close = serverSpan("feedback-service", "/api/cycles/{id}/close").stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no close among "
                            + otlp.spans().stream()
                                    .filter(s -> s.service().equals("feedback-service"))
                                    .map(s -> s.kind() + " " + s.name() + " " + s.attribute("uri"))
                                    .distinct()
                                    .toList()));
            List<OtlpReceiver.Exported> trace = otlp.trace(close.traceId());
            OtlpReceiver.Exported send = trace.stream()
                    .filter(s -> s.kind() == SpanKind.SPAN_KIND_PRODUCER
                            && "lead360.cycle-events.v1".equals(s.attribute("messaging.destination.name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Kafka send in " + names(trace)));
            OtlpReceiver.Exported applied = trace.stream()
                    .filter(s ->
                            s.service().equals("analytics-service") && s.name().equals("apply CycleClosed"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("analytics did not continue " + names(trace)));

            assertThat(trace).anySatisfy(s -> {
                assertThat(s.service()).isEqualTo("gateway-service");
                assertThat(s.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
            });
            assertThat(trace).anySatisfy(s -> assertThat(s.name()).isEqualTo("outbox publish CycleClosed"));
            assertThat(send.service()).isEqualTo("feedback-service");
            // analytics continued the trace the record's header carried: its span's parent is the send
            assertThat(applied.parentSpanId()).isEqualTo(send.spanId());
            closeTrace = close.traceId();
        });
    }

    @Test
    @Order(2)
    void aRatersSubmissionIsTracedUpToItsBallotAndNotIntoKafkaWhileThePublisherRoundsAreTracesOfTheirOwn() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<OtlpReceiver.Exported> submissions =
                    serverSpan("feedback-service", "/api/feedback-requests/{id}/response");
            assertThat(submissions).hasSize(RATERS.size());
            for (OtlpReceiver.Exported submission : submissions) {
                List<OtlpReceiver.Exported> trace = otlp.trace(submission.traceId());
                assertThat(trace)
                        .as(names(trace))
                        .noneSatisfy(s ->
                                assertThat(s.kind()).isIn(SpanKind.SPAN_KIND_PRODUCER, SpanKind.SPAN_KIND_CONSUMER));
                assertThat(trace).noneSatisfy(s -> assertThat(s.service()).isEqualTo("analytics-service"));
                assertThat(trace)
                        .noneSatisfy(s -> assertThat(s.hasAttribute("messaging.destination.name"))
                                .isTrue());
            }
            // the answers went out in publisher rounds, each a trace that analytics continued
            List<OtlpReceiver.Exported> rounds = otlp.spans().stream()
                    .filter(s -> s.name().equals("ballots publish"))
                    .toList();
            assertThat(rounds)
                    .isNotEmpty()
                    .allSatisfy(round -> assertThat(round.parentSpanId()).isEmpty());
            assertThat(rounds)
                    .anySatisfy(round -> assertThat(otlp.trace(round.traceId()))
                            .anySatisfy(s -> assertThat(s.name()).isEqualTo("apply FeedbackSubmitted")));
            Set<String> roundTraces = new TreeSet<>(
                    rounds.stream().map(OtlpReceiver.Exported::traceId).toList());
            assertThat(submissions).noneSatisfy(s -> assertThat(roundTraces).contains(s.traceId()));
        });
    }

    @Test
    @Order(3)
    void noExportedSpanHoldsAPersonsIdOrEmailARequestIdOrAnAnswer() throws IOException {
        List<OtlpReceiver.Exported> spans = otlp.spans();
        // for whoever reviews what leaves the platform: each kind of span with its attribute keys, no values
        Files.write(
                platform.home().resolve("exported-spans.txt"),
                spans.stream()
                        .map(s -> s.service() + " " + s.kind() + " \"" + s.name() + "\" "
                                + s.span().getAttributesList().stream()
                                        .map(a -> a.getKey())
                                        .sorted()
                                        .toList())
                        .distinct()
                        .sorted()
                        .toList());
        assertThat(spans)
                .extracting(OtlpReceiver.Exported::service)
                .contains("gateway-service", "feedback-service", "analytics-service");
        for (OtlpReceiver.Exported span : spans) {
            String everything = span.everything();
            for (String secret : secrets) {
                assertThat(everything).as(span.service() + " " + span.name()).doesNotContain(secret);
            }
            assertThat(span.hasAttribute("http.url")).isFalse();
            assertThat(span.hasAttribute("http.uri")).isFalse();
        }
    }

    @Test
    @Order(4)
    void theServicesLogJsonLinesAndTheOutboxLineCarriesTheAdministratorsTraceId() throws IOException {
        assertThat(closeTrace).as("found by the first test").isNotNull();
        for (String service : List.of("gateway-service", "feedback-service", "analytics-service")) {
            List<String> lines = Files.readAllLines(platform.home().resolve("logs/" + service + ".log")).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
            assertThat(lines).as(service).isNotEmpty();
            for (String line : lines) {
                JsonNode entry = JSON.readTree(line);
                assertThat(entry.has("@timestamp") && entry.has("message"))
                        .as(service + ": " + line)
                        .isTrue();
            }
        }
        List<JsonNode> published = Files.readAllLines(logOf("feedback-service")).stream()
                .map(JSON::readTree)
                .filter(e -> e.get("message").asString().startsWith("Published CycleClosed"))
                .toList();
        assertThat(published)
                .singleElement()
                .satisfies(e -> assertThat(e.get("traceId").asString()).isEqualTo(closeTrace));
    }

    @Test
    @Order(5)
    void everyMetricTheDashboardQueriesIsInTheServicesPrometheusOutput() {
        Map<String, Set<String>> expected = GrafanaDashboard.scrapedMetrics();
        // Micrometer binds a Kafka client's metrics that appear later (the per-partition lag, once partitions are
        // fetched) at its next look, once a minute: a fresh platform may need that long
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    for (String service : List.of("gateway-service", "feedback-service", "analytics-service")) {
                        HttpResponse<String> scrape = HTTP.send(
                                HttpRequest.newBuilder(
                                                URI.create(platform.managementUrl(service) + "/actuator/prometheus"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(scrape.statusCode()).as(service).isEqualTo(200);
                        assertThat(PrometheusText.metricNames(scrape.body()))
                                .as(service)
                                .containsAll(expected.get(service));
                    }
                });
    }

    private static List<OtlpReceiver.Exported> serverSpan(String service, String uri) {
        return otlp.spans().stream()
                .filter(s -> s.service().equals(service)
                        && s.kind() == SpanKind.SPAN_KIND_SERVER
                        && uri.equals(s.attribute("uri")))
                .toList();
    }

    private static String names(List<OtlpReceiver.Exported> trace) {
        return trace.stream().map(s -> s.service() + ":" + s.name()).toList().toString();
    }

    private static Path logOf(String service) {
        return platform.home().resolve("logs/" + service + ".log");
    }
}

package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lead360.infra.demo.ApiClient;
import io.lead360.infra.demo.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Starts local-infra and the three services with {@code ./lead360 up} and runs a whole cycle
 * through the gateway: import, create, open, every rater answers, close, release, and the
 * leader's profile is checked number by number against the rules in API.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final String PASSWORD = "e2e-rater-password";
    private static final String DOMAIN = "@acme.e2e.test";
    private static final OrgChart chart = new OrgChart(DOMAIN, PASSWORD).withRoles("EMPLOYEE");
    private static final List<String> DIRECT_REPORTS = List.of("d1", "d2", "d3", "d4");
    private static final List<String> PEERS = List.of("p1", "p2", "p3");

    private static Platform platform;
    private static ApiClient api;
    private static String admin;
    private static String cycleId;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static final List<ExpectedProfile.Response> submitted = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        platform = new Platform("platform-it");
        String output = platform.run("up");
        assertThat(output).contains("lead360 is up");
        api = new ApiClient(platform.gatewayUrl());
        admin = api.signIn(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
    }

    @AfterAll
    static void down() {
        if (platform != null) {
            platform.stopQuietly();
        }
    }

    @Test
    @Order(1)
    void theBootstrapAdministratorIsSignedIn() {
        JsonNode me = api.get("/api/me", admin).expect(200).json();
        assertThat(me.get("email").asString()).isEqualTo(Platform.ADMIN_EMAIL);
        assertThat(me.get("roles").toString()).contains("ADMIN");
    }

    @Test
    @Order(1)
    void eachComponentWritesItsOwnLogFileAndTheConsoleOnlyWhatPrecedesLogging() throws Exception {
        for (String component : List.of("local-infra", "feedback-service", "analytics-service", "gateway-service")) {
            java.nio.file.Path log = platform.home().resolve("logs/" + component + ".log");
            assertThat(log).as(component).isNotEmptyFile();
            java.nio.file.Path out = platform.home().resolve("logs/" + component + ".out");
            // the console is off once logging starts: no log line is written twice
            String console = java.nio.file.Files.exists(out) ? java.nio.file.Files.readString(out) : "";
            assertThat(console).as(component + ".out").doesNotContain(" INFO ").doesNotContain("\"log.level\"");
        }
    }

    @Test
    @Order(2)
    void callsWithoutAValidTokenAreRefusedAndForgedIdentityHeadersDoNothing() {
        assertThat(api.get("/api/me", null).status()).isEqualTo(401);
        assertThat(api.send(
                                "/api/people",
                                null,
                                b -> b.GET().header("X-User-Id", "admin").header("X-Lead360-Roles", "ADMIN"))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/me", "not-a-token").status()).isEqualTo(401);
        Response badLogin =
                api.post("/api/auth/token", null, Map.of("email", Platform.ADMIN_EMAIL, "password", "wrong"));
        assertThat(badLogin.status()).isEqualTo(401);
        assertThat(badLogin.contentType()).contains("application/problem+json");
    }

    @Test
    @Order(3)
    void anAdministratorImportsTheOrganisationOnceAndAgainWithoutChanges() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(chart.person("mo", "Mo Manager", null));
        rows.add(chart.person("lea", "Lea Leader", "mo"));
        PEERS.forEach(p -> rows.add(chart.person(p, "Peer " + p, "mo")));
        DIRECT_REPORTS.forEach(d -> rows.add(chart.person(d, "Report " + d, "lea")));
        rows.add(chart.person("d5", "Report of a peer", "p1"));

        JsonNode first = api.importPeople(admin, rows);
        assertThat(first.get("created").asInt()).isEqualTo(rows.size());
        JsonNode again = api.importPeople(admin, rows);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();

        Response loop = api.postRaw(
                "/api/people/import",
                admin,
                "text/csv",
                "email,name,managerEmail,roles,password\n"
                        + "x1@acme.e2e.test,X One,x2@acme.e2e.test,EMPLOYEE,\n"
                        + "x2@acme.e2e.test,X Two,x1@acme.e2e.test,EMPLOYEE,\n");
        assertThat(loop.status()).isEqualTo(400);
        assertThat(loop.contentType()).contains("application/problem+json");

        for (JsonNode p : api.get("/api/people", admin).expect(200).json()) {
            ids.put(p.get("email").asString(), p.get("id").asString());
        }
        assertThat(ids).containsKey(chart.email("lea")).doesNotContainKey("x1@acme.e2e.test");
    }

    @Test
    @Order(4)
    void anAdministratorCreatesAndOpensACycleWhichInvitesEveryRater() {
        Map<String, Object> cycle = Map.of(
                "name",
                "E2E spring cycle",
                "templateId",
                "leadership-360",
                "subjectIds",
                List.of(ids.get(chart.email("lea"))),
                "anonymityThreshold",
                3);
        JsonNode created = api.post("/api/cycles", admin, cycle).expect(201).json();
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        cycleId = created.get("id").asString();

        assertThat(api.post("/api/cycles/" + cycleId + "/release", admin, null).status())
                .isEqualTo(409);
        api.post("/api/cycles/" + cycleId + "/open", admin, null).expect(200);
        assertThat(api.get("/api/cycles/" + cycleId, admin)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");

        String progress = api.get("/api/cycles/" + cycleId + "/progress", admin)
                .expect(200)
                .body();
        assertThat(progress).contains(ids.get(chart.email("lea")));
        assertThat(progress).doesNotContain(chart.email("d1")).doesNotContain(ids.get(chart.email("d1")));
    }

    @Test
    @Order(5)
    void everyRaterAnswersOnce() {
        List<ExpectedProfile.Item> items = templateItems();
        Random random = new Random(2026);
        List<String> raters = new ArrayList<>(List.of("lea", "mo"));
        raters.addAll(PEERS);
        raters.addAll(DIRECT_REPORTS);
        for (String rater : raters) {
            String token = api.signIn(chart.email(rater), PASSWORD);
            JsonNode requests =
                    api.get("/api/feedback-requests", token).expect(200).json();
            assertThat(requests).hasSize(1);
            JsonNode request = requests.get(0);
            String requestId = request.get("id").asString();
            String relationship = request.get("relationship").asString();
            assertThat(request.get("subject").get("id").asString()).isEqualTo(ids.get(chart.email("lea")));
            assertThat(api.get("/api/feedback-requests/" + requestId, token)
                            .expect(200)
                            .json()
                            .get("questionnaire"))
                    .isNotNull();

            if (rater.equals("p3")) { // one peer declines: only two peers answer, below the threshold of 3
                api.post("/api/feedback-requests/" + requestId + "/decline", token, null)
                        .expect(200);
                continue;
            }
            Response bad = api.post(
                    "/api/feedback-requests/" + requestId + "/response",
                    token,
                    Map.of("ratings", Map.of("no-such-item", 3, "trust-1", 9)));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).contains("application/problem+json");
            assertThat(bad.body()).contains("no-such-item").contains("trust-1");

            Map<String, Integer> ratings = new LinkedHashMap<>();
            for (ExpectedProfile.Item item : items) {
                int bias = relationship.equals("SELF") ? 1 : 0;
                ratings.put(item.id(), random.nextInt(10) == 0 ? null : Math.min(5, 1 + random.nextInt(4) + bias));
            }
            Map<String, String> comments = new LinkedHashMap<>();
            comments.put("start", "Start from " + relationship.toLowerCase() + " " + rater);
            comments.put("continue", "Keep going, says " + relationship.toLowerCase() + " " + rater);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ratings", ratings);
            body.put("comments", comments);
            api.post("/api/feedback-requests/" + requestId + "/response", token, body)
                    .expect(201);
            submitted.add(new ExpectedProfile.Response(relationship, ratings, comments));

            assertThat(api.post("/api/feedback-requests/" + requestId + "/response", token, body)
                            .status())
                    .as("a second submission")
                    .isEqualTo(409);
        }
        assertThat(submitted).hasSize(8);
    }

    @Test
    @Order(6)
    void nobodyReadsAnotherRatersRequestAndTheLeaderSeesNothingBeforeRelease() {
        String d1 = api.signIn(chart.email("d1"), PASSWORD);
        String d2 = api.signIn(chart.email("d2"), PASSWORD);
        String d1Request = api.get("/api/feedback-requests", d1)
                .expect(200)
                .json()
                .get(0)
                .get("id")
                .asString();
        assertThat(api.get("/api/feedback-requests/" + d1Request, d2).status()).isEqualTo(404);

        String lea = api.signIn(chart.email("lea"), PASSWORD);
        assertThat(api.get("/api/profiles/me", lea).status()).isEqualTo(404);
        assertThat(api.get("/api/profiles/" + ids.get(chart.email("lea")), d1).status())
                .isEqualTo(403);
    }

    @Test
    @Order(7)
    void afterCloseAndReleaseTheLeaderSeesTheProfileTheRulesPredict() {
        api.post("/api/cycles/" + cycleId + "/close", admin, null).expect(200);
        String lateRater = api.signIn(chart.email("p3"), PASSWORD);
        String p3Request = api.get("/api/feedback-requests", lateRater)
                .expect(200)
                .json()
                .get(0)
                .get("id")
                .asString();
        assertThat(api.post(
                                "/api/feedback-requests/" + p3Request + "/response",
                                lateRater,
                                Map.of("ratings", Map.of("trust-1", 3)))
                        .status())
                .isEqualTo(409);
        api.post("/api/cycles/" + cycleId + "/release", admin, null).expect(200);

        String lea = api.signIn(chart.email("lea"), PASSWORD);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Response profile = api.get("/api/profiles/me", lea);
                    assertThat(profile.status()).isEqualTo(200);
                    assertThat(profile.json()
                                    .get("responses")
                                    .get("DIRECT_REPORT")
                                    .asInt())
                            .isEqualTo(4);
                    assertThat(profile.json().get("responses").get("PEER").asInt())
                            .isEqualTo(2);
                });
        JsonNode profile = api.get("/api/profiles/me", lea).expect(200).json();
        assertThat(profile.get("cycleId").asString()).isEqualTo(cycleId);
        assertThat(profile.get("anonymityThreshold").asInt()).isEqualTo(3);

        ExpectedProfile expected = new ExpectedProfile(competencyKeys(), templateItems(), submitted, 3);
        assertProfile(profile, expected);

        JsonNode asAdmin = api.get("/api/profiles/" + ids.get(chart.email("lea")) + "?cycleId=" + cycleId, admin)
                .expect(200)
                .json();
        assertProfile(asAdmin, expected);
    }

    private static void assertProfile(JsonNode profile, ExpectedProfile expected) {
        expected.responses.forEach((group, n) -> {
            JsonNode count = profile.get("responses").get(group);
            assertThat(count == null || count.isNull() ? null : count.asInt())
                    .as("responses " + group)
                    .isEqualTo(n);
        });
        JsonNode competencies = profile.get("competencies");
        assertThat(competencies).hasSize(expected.competencies.size());
        for (int i = 0; i < expected.competencies.size(); i++) {
            ExpectedProfile.Competency want = expected.competencies.get(i);
            JsonNode got = competencies.get(i);
            assertThat(got.get("key").asString()).isEqualTo(want.key());
            assertThat(number(got.get("self"))).as(want.key() + " self").isEqualTo(want.self());
            assertThat(number(got.get("others"))).as(want.key() + " others").isEqualTo(want.others());
            want.byRelationship().forEach((group, g) -> {
                JsonNode gotGroup = got.get("byRelationship").get(group);
                if (g == null) {
                    assertThat(gotGroup == null || gotGroup.isNull())
                            .as(want.key() + " " + group + " hidden")
                            .isTrue();
                } else {
                    assertThat(number(gotGroup.get("mean")))
                            .as(want.key() + " " + group)
                            .isEqualTo(g.mean());
                    assertThat(gotGroup.get("n").asInt()).isEqualTo(g.n());
                }
            });
        }
        assertThat(
                        profile.get("leadingIndex").isNull()
                                ? null
                                : profile.get("leadingIndex").asInt())
                .isEqualTo(expected.leadingIndex);
        assertThat(strings(profile.get("blindSpots"))).isEqualTo(expected.blindSpots);
        assertThat(strings(profile.get("hiddenStrengths"))).isEqualTo(expected.hiddenStrengths);
        expected.comments.forEach(
                (question, texts) -> assertThat(strings(profile.get("comments").get(question)))
                        .as("comments " + question)
                        .isEqualTo(texts));
        JsonNode items = profile.get("items");
        assertThat(items).hasSize(expected.items.size());
        for (JsonNode item : items) {
            ExpectedProfile.ItemView want = expected.items.get(item.get("id").asString());
            assertThat(number(item.get("mean"))).as("item " + want.id()).isEqualTo(want.mean());
            assertThat(item.get("n").asInt()).as("item n " + want.id()).isEqualTo(want.n());
        }
        expected.distribution.forEach((key, counts) -> {
            List<Integer> got = new ArrayList<>();
            profile.get("distribution").get(key).forEach(c -> got.add(c.asInt()));
            assertThat(got)
                    .as("distribution " + key)
                    .containsExactly(counts[0], counts[1], counts[2], counts[3], counts[4]);
        });
        expected.gaps.forEach(
                (key, gap) -> assertThat(number(profile.get("gaps").get(key)))
                        .as("gap " + key)
                        .isEqualTo(gap));
        assertThat(strings(profile.get("highestItems"))).isEqualTo(new TreeSet<>(expected.highestItems));
        assertThat(strings(profile.get("lowestItems"))).isEqualTo(new TreeSet<>(expected.lowestItems));
        assertThat(profile.toString())
                .as("no peer comment: the peer group is hidden")
                .doesNotContain("peer p");
        for (String email : List.of(chart.email("d1"), chart.email("mo"), chart.email("p1"))) {
            assertThat(profile.toString()).doesNotContain(email).doesNotContain(ids.get(email));
        }
    }

    @Test
    @Order(8)
    void aRestartKeepsEveryPieceOfData() throws Exception {
        platform.run("down");
        String output = platform.run("up");
        String restart = output.substring(output.lastIndexOf("Starting lead360"));
        // the first up made the class data archives (or found them current): the restart starts from them
        assertThat(restart)
                .contains(
                        "feedback-service starting with class data sharing",
                        "analytics-service starting with class data sharing",
                        "gateway-service starting with class data sharing")
                .containsPattern("healthy in \\d+\\.\\d s")
                .containsPattern("memory: +\\d+ MiB resident");
        String lea = api.signIn(chart.email("lea"), PASSWORD);
        JsonNode profile = api.get("/api/profiles/me", lea).expect(200).json();
        assertProfile(profile, new ExpectedProfile(competencyKeys(), templateItems(), submitted, 3));
        assertThat(api.get("/api/cycles/" + cycleId, admin)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RELEASED");
    }

    @Test
    @Order(9)
    void theDemoLoadsAPopulatedProfileForADemoLeader() throws Exception {
        String output = platform.run("demo");
        assertThat(output).contains("max.manager@demo.lead360.test");
        String max = api.signIn("max.manager@demo.lead360.test", "demo-lead360");
        JsonNode profile = api.get("/api/profiles/me", max).expect(200).json();
        assertThat(profile.get("leadingIndex").isNull()).isFalse();
        assertThat(profile.get("competencies")).hasSize(7);
        // running it again changes nothing
        assertThat(platform.run("demo")).contains("already loaded");
    }

    private static List<String> competencyKeys() {
        List<String> keys = new ArrayList<>();
        for (JsonNode c : template().get("competencies")) {
            keys.add(c.get("key").asString());
        }
        return keys;
    }

    private static List<ExpectedProfile.Item> templateItems() {
        List<ExpectedProfile.Item> items = new ArrayList<>();
        for (JsonNode c : template().get("competencies")) {
            for (JsonNode item : c.get("items")) {
                items.add(new ExpectedProfile.Item(
                        item.get("id").asString(),
                        c.get("key").asString(),
                        item.get("reverse").asBoolean()));
            }
        }
        Set<String> reverse = new TreeSet<>();
        items.stream().filter(ExpectedProfile.Item::reverse).forEach(i -> reverse.add(i.id()));
        assertThat(reverse).containsExactly("delegation-3", "empowerment-2", "empowerment-3", "trust-3");
        return items;
    }

    private static JsonNode template() {
        for (JsonNode t : api.get("/api/templates", admin).expect(200).json()) {
            if (t.get("id").asString().equals("leadership-360")) {
                return t;
            }
        }
        throw new AssertionError("no leadership-360 template");
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asString()));
        }
        return new TreeSet<>(values);
    }

    /** The API documents of this platform, linted, and the Swagger UI (after the tests above). */
    @Nested
    class ItsApiDocuments extends OpenApiDocumentsCheck {
        @Override
        Platform platform() {
            return platform;
        }
    }
}

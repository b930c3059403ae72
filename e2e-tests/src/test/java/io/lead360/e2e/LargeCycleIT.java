package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lead360.infra.demo.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A cycle for a whole organisation through the gateway: 200 people, 20 leaders as subjects,
 * every rater answers; then every leader's profile is checked against the rules in API.md.
 */
class LargeCycleIT {

    private static final String PASSWORD = "large-cycle-password";
    private static final String DOMAIN = "@large.e2e.test";
    private static final OrgChart chart = new OrgChart(DOMAIN, PASSWORD);
    private static final int DIRECTORS = 4;
    private static final int TEAM_LEADS_PER_DIRECTOR = 4;
    private static final int MEMBERS_PER_TEAM = 11;
    private static final int HR_STAFF = 3;

    private static Platform platform;
    private static ApiClient api;
    private static String admin;

    @BeforeAll
    static void up() throws Exception {
        platform = new Platform("large-cycle-it");
        platform.run("up");
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
    void aCycleForTwoHundredPeopleAndTwentyLeadersEndsInCorrectProfiles() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        rows.add(chart.person("ceo", null));
        for (int h = 1; h <= HR_STAFF; h++) {
            rows.add(chart.person("hr" + h, "ceo"));
        }
        for (int d = 1; d <= DIRECTORS; d++) {
            String director = "dir" + d;
            rows.add(chart.person(director, "ceo"));
            subjects.add(director);
            for (int t = 1; t <= TEAM_LEADS_PER_DIRECTOR; t++) {
                String lead = director + "-lead" + t;
                rows.add(chart.person(lead, director));
                subjects.add(lead);
                for (int m = 1; m <= MEMBERS_PER_TEAM; m++) {
                    rows.add(chart.person(lead + "-m" + m, lead));
                }
            }
        }
        assertThat(rows).hasSize(200);
        assertThat(subjects).hasSize(20);
        api.importPeople(admin, rows);

        Map<String, String> idByEmail = new LinkedHashMap<>();
        Map<String, String> emailById = new LinkedHashMap<>();
        for (JsonNode p : api.get("/api/people", admin).expect(200).json()) {
            idByEmail.put(p.get("email").asString(), p.get("id").asString());
            emailById.put(p.get("id").asString(), p.get("email").asString());
        }
        List<String> subjectIds =
                subjects.stream().map(s -> idByEmail.get(s + DOMAIN)).toList();
        String cycleId = api.post(
                        "/api/cycles",
                        admin,
                        Map.of(
                                "name",
                                "Whole organisation",
                                "templateId",
                                "leadership-360",
                                "subjectIds",
                                subjectIds,
                                "anonymityThreshold",
                                3))
                .expect(201)
                .json()
                .get("id")
                .asString();
        api.post("/api/cycles/" + cycleId + "/open", admin, null).expect(200);

        List<ExpectedProfile.Item> items = items();
        Map<String, List<ExpectedProfile.Response>> bySubject = new LinkedHashMap<>();
        Random random = new Random(200);
        int answered = 0;
        for (Map<String, Object> row : rows) {
            String token = api.signIn((String) row.get("email"), PASSWORD);
            for (JsonNode request :
                    api.get("/api/feedback-requests", token).expect(200).json()) {
                String relationship = request.get("relationship").asString();
                Map<String, Integer> ratings = new LinkedHashMap<>();
                for (ExpectedProfile.Item item : items) {
                    ratings.put(item.id(), random.nextInt(12) == 0 ? null : 1 + random.nextInt(5));
                }
                ratings.put(items.get(0).id(), 1 + random.nextInt(5));
                Map<String, String> comments = Map.of("start", "More focus, says a " + relationship.toLowerCase());
                api.post(
                                "/api/feedback-requests/" + request.get("id").asString() + "/response",
                                token,
                                Map.of("ratings", ratings, "comments", comments))
                        .expect(201);
                bySubject
                        .computeIfAbsent(request.get("subject").get("id").asString(), k -> new ArrayList<>())
                        .add(new ExpectedProfile.Response(relationship, ratings, comments));
                answered++;
            }
        }
        assertThat(bySubject.keySet()).containsExactlyInAnyOrderElementsOf(subjectIds);

        JsonNode progress = api.get("/api/cycles/" + cycleId + "/progress", admin)
                .expect(200)
                .json();
        assertThat(progress.toString()).doesNotContain(DOMAIN);
        api.post("/api/cycles/" + cycleId + "/close", admin, null).expect(200);
        api.post("/api/cycles/" + cycleId + "/release", admin, null).expect(200);

        List<String> keys =
                items.stream().map(ExpectedProfile.Item::competency).distinct().toList();
        Map<String, Map<String, Integer>> invited = ProfileChecker.invited(api, admin, cycleId);
        for (String subjectId : subjectIds) {
            ExpectedProfile expected =
                    new ExpectedProfile(keys, items, bySubject.get(subjectId), 3, invited.get(subjectId));
            String token = api.signIn(emailById.get(subjectId), PASSWORD);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        JsonNode profile =
                                api.get("/api/profiles/me", token).expect(200).json();
                        assertThat(profile.get("cycleId").asString()).isEqualTo(cycleId);
                        expected.responses.forEach((group, n) -> {
                            JsonNode count = profile.get("responses").get(group);
                            assertThat(count == null || count.isNull() ? null : count.asInt())
                                    .as(group)
                                    .isEqualTo(n);
                        });
                    });
            JsonNode profile = api.get("/api/profiles/me", token).expect(200).json();
            assertThat(
                            profile.get("leadingIndex").isNull()
                                    ? null
                                    : profile.get("leadingIndex").asInt())
                    .as("leading index of " + emailById.get(subjectId))
                    .isEqualTo(expected.leadingIndex);
            for (int i = 0; i < expected.competencies.size(); i++) {
                ExpectedProfile.Competency want = expected.competencies.get(i);
                JsonNode got = profile.get("competencies").get(i);
                assertThat(got.get("others").isNull() ? null : got.get("others").asDouble())
                        .as(want.key() + " others of " + emailById.get(subjectId))
                        .isEqualTo(want.others());
            }
        }
        System.out.printf(
                "Large cycle: %d people, %d leaders, %d responses%n", rows.size(), subjectIds.size(), answered);
    }

    private static List<ExpectedProfile.Item> items() {
        List<ExpectedProfile.Item> items = new ArrayList<>();
        JsonNode template =
                api.get("/api/templates/leadership-360", admin).expect(200).json();
        for (JsonNode c : template.get("competencies")) {
            for (JsonNode item : c.get("items")) {
                items.add(new ExpectedProfile.Item(
                        item.get("id").asString(),
                        c.get("key").asString(),
                        item.get("reverse").asBoolean()));
            }
        }
        return items;
    }
}

package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lead360.infra.demo.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What an operator with a copy of the disks learns: a real cycle on the embedded stack (./lead360 up),
 * every rater's comment carrying a marker of their own, drafts and decline reasons with markers too;
 * then every file under LEAD360_HOME (both stores, Kafka's log segments, logs, keys) is read as bytes,
 * while a submission is still held and again after the platform stopped, looking for a rater's id within
 * a few kilobytes of their own marker, for any draft or reason in the clear, for a request id anyone
 * could recompute from who it is for, and for files others than their owner can read.
 */
class AnonymityAtRestIT {

    private static final String DOMAIN = "@rest.e2e.test";
    private static final String PASSWORD = "e2e-rater-password";
    private static final OrgChart chart = new OrgChart(DOMAIN, PASSWORD);
    /** How near a rater's id may not come to their own words, in bytes. */
    private static final int WINDOW = 4096;

    private static final int REPORTS = 4;

    private static Platform platform;
    private static ApiClient api;
    private static String admin;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    /** (rater id, the marker in one of their comments); SELF answers are the subject's own, attributed by design */
    private static final List<Map.Entry<String, String>> markers = new ArrayList<>();

    private static final List<String> secretsInTheClear = new ArrayList<>();
    private static final List<JsonNode> requests = new ArrayList<>();
    private static final List<String> subjects = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        platform = new Platform("at-rest-it");
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

    private static String marker() {
        return "mk" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void nothingOnDiskLinksARaterToWhatTheyWrote() throws Exception {
        // ceo ← {lead1, lead2}; each lead ← four reports. The leads are the subjects; the ceo rates them as
        // MANAGER, the reports as DIRECT_REPORTs, and each lead the other as a PEER (a group of one)
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(chart.person("ceo", "ceo", null));
        for (String lead : List.of("lead1", "lead2")) {
            rows.add(chart.person(lead, lead, "ceo"));
            for (int i = 1; i <= REPORTS; i++) {
                rows.add(chart.person(lead + "r" + i, lead + "r" + i, lead));
            }
        }
        api.importPeople(admin, rows);
        for (JsonNode p : api.get("/api/people", admin).expect(200).json()) {
            String email = p.get("email").asString();
            if (email.endsWith(DOMAIN)) {
                ids.put(email.substring(0, email.indexOf('@')), p.get("id").asString());
            }
        }
        subjects.addAll(List.of(ids.get("lead1"), ids.get("lead2")));
        String cycle = api.post(
                        "/api/cycles",
                        admin,
                        Map.of("name", "At rest", "templateId", "leadership-360", "subjectIds", subjects))
                .expect(201)
                .json()
                .get("id")
                .asString();
        api.post("/api/cycles/" + cycle + "/open", admin, null).expect(200);

        for (String person : ids.keySet()) {
            String token = api.signIn(person + DOMAIN, PASSWORD);
            for (JsonNode request :
                    api.get("/api/feedback-requests", token).expect(200).json()) {
                requests.add(request);
                raterOfRequest.put(request.get("id").asString(), ids.get(person));
                String path = "/api/feedback-requests/" + request.get("id").asString();
                if (person.endsWith("r4")) {
                    // the fourth report of each lead saves a draft, then declines with a reason
                    String draft = marker();
                    String reason = marker();
                    secretsInTheClear.addAll(List.of(draft, reason));
                    api.send(
                                    path + "/draft",
                                    token,
                                    b -> b.PUT(json(Map.of(
                                                    "ratings",
                                                    Map.of("trust-1", 2),
                                                    "comments",
                                                    Map.of("stop", draft))))
                                            .header("Content-Type", "application/json"))
                            .expect(200);
                    api.post(path + "/decline", token, Map.of("reason", reason)).expect(200);
                    continue;
                }
                String mine = marker();
                if (!request.get("relationship").asString().equals("SELF")) {
                    markers.add(Map.entry(ids.get(person), mine));
                }
                api.post(
                                path + "/response",
                                token,
                                Map.of(
                                        "ratings",
                                        Map.of("trust-1", 4, "vision-1", 3),
                                        "comments",
                                        Map.of("start", mine)))
                        .expect(201);
            }
        }
        // while the cycle is open some answers are held, sealed; the stores have flushed their writes
        Thread.sleep(3000);
        scan("while open", false);

        api.post("/api/cycles/" + cycle + "/close", admin, null).expect(200);
        api.post("/api/cycles/" + cycle + "/release", admin, null).expect(200);
        for (String subject : subjects) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/api/profiles/" + subject + "?cycleId=" + cycle, admin)
                                    .status()
                            == 200);
        }
        JsonNode profile = api.get("/api/profiles/" + ids.get("lead1") + "?cycleId=" + cycle, admin)
                .expect(200)
                .json();
        String report = markers.stream()
                .filter(m -> m.getKey().equals(ids.get("lead1r1")))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertThat(profile.at("/comments/start").toString()).contains(report);

        requestIdsAreRandom(cycle);
        platform.run("down");
        scan("after down", true);
        permissionsAreOwnerOnly();
    }

    /**
     * Every file, as bytes. Raters' ids and their own words never come near each other; drafts and
     * reasons are nowhere in the clear; and, so that a scan that saw nothing proves something, the
     * shown comments are found in clear text somewhere (in analytics' store).
     */
    private static void scan(String when, boolean expectShownCommentsInTheClear) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(platform.home())) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".out"))
                    .toList();
        }
        assertThat(files).as("files under LEAD360_HOME").isNotEmpty();
        List<String> found = new ArrayList<>();
        boolean sawAComment = false;
        for (Path file : files) {
            // as Latin-1 text: one char per byte, so positions are byte offsets and indexOf is fast
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> rater : markers) {
                List<Integer> marks = positions(bytes, rater.getValue());
                sawAComment |= !marks.isEmpty();
                if (marks.isEmpty()) {
                    continue;
                }
                for (int id : positions(bytes, rater.getKey())) {
                    for (int mark : marks) {
                        if (Math.abs(id - mark) <= WINDOW) {
                            found.add(when + ": " + platform.home().relativize(file) + ": rater " + rater.getKey()
                                    + " at " + id + ", their words at " + mark);
                        }
                    }
                }
            }
            for (String secret : secretsInTheClear) {
                if (!positions(bytes, secret).isEmpty()) {
                    found.add(when + ": " + platform.home().relativize(file)
                            + ": a draft or decline reason in the clear");
                }
            }
            for (JsonNode request : requests) {
                String recomputable = recomputableId(request);
                if (!positions(bytes, recomputable).isEmpty()) {
                    found.add(when + ": " + platform.home().relativize(file) + ": a request id derived from its rater");
                }
            }
        }
        assertThat(found).isEmpty();
        if (expectShownCommentsInTheClear) {
            assertThat(sawAComment)
                    .as("the scan reads the stores: shown comments are in analytics' store")
                    .isTrue();
        }
    }

    private static void requestIdsAreRandom(String cycle) {
        for (JsonNode request : requests) {
            UUID id = UUID.fromString(request.get("id").asString());
            assertThat(id.version()).as("random (version 4): " + id).isEqualTo(4);
            assertThat(id.toString()).isNotEqualTo(recomputableId(request));
        }
    }

    /** What an id derived from who the request is for would be: UUIDv3 of cycle, subject, rater and relationship. */
    private static String recomputableId(JsonNode request) {
        String rater = raterOf(request);
        String key = request.get("cycleId").asString() + "|"
                + request.at("/subject/id").asString() + "|" + rater + "|"
                + request.get("relationship").asString();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static final Map<String, String> raterOfRequest = new LinkedHashMap<>();

    private static String raterOf(JsonNode request) {
        return raterOfRequest.computeIfAbsent(request.get("id").asString(), r -> {
            throw new IllegalStateException("unknown request");
        });
    }

    private static void permissionsAreOwnerOnly() throws IOException {
        Set<PosixFilePermission> others = EnumSet.of(
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        List<String> open = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(platform.home().resolve("data"))) {
            for (Path p : walk.toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (perms.stream().anyMatch(others::contains)) {
                    open.add(platform.home().relativize(p) + " "
                            + java.nio.file.attribute.PosixFilePermissions.toString(perms));
                }
            }
        }
        assertThat(open).as("data readable by others than their owner").isEmpty();
    }

    /** Every offset of the (ASCII) needle in the file's bytes. */
    private static List<Integer> positions(String haystack, String needle) {
        List<Integer> found = new ArrayList<>();
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            found.add(i);
        }
        return found;
    }

    private static java.net.http.HttpRequest.BodyPublisher json(Object body) {
        return java.net.http.HttpRequest.BodyPublishers.ofString(
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body));
    }
}

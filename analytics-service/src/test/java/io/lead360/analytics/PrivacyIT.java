package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.SubjectSeal;
import io.lead360.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;

/**
 * Privacy at rest and in the logs: nothing in {@code lead360_analytics} says at what time of day a
 * response came in (nor its place in the submission order), and no comment reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /**
     * Times that are about cycles and administrators, never about one response: collection name
     * (a rebuild's collections carry a suffix) and field.
     */
    private static final Set<String> NOT_ABOUT_A_RESPONSE = Set.of(
            "cycles.openedAt",
            "cycles.closedAt",
            "cycles.releasedAt",
            "rebuilds.startedAt",
            "rebuilds.finishedAt",
            "audit_log.at");

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
    private static final long YEAR_2000_MS = 946_684_800_000L;
    private static final long YEAR_2100_MS = 4_102_444_800_000L;
    private static final long DAY_MS = 86_400_000L;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ActiveCollections collections;

    @Test
    void nothingStoredSaysWhenInTheDayOrInWhichOrderResponsesCameIn() throws Exception {
        String lea = unique("lea");
        String cycleId = unique("cycle");
        publish(cycleOpened(cycleId, 3, Map.of(lea, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3))));
        // A producer that forgot to truncate to the day: analytics must not keep the time anyway.
        Instant afternoon = Instant.parse("2026-03-02T14:23:11.123Z");
        List.of(
                        withTime(
                                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 2), Map.of("start", "zulu")),
                                afternoon),
                        withTime(
                                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 3), Map.of("start", "mike")),
                                afternoon.plusSeconds(60)),
                        withTime(
                                submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 4), Map.of("start", "alpha")),
                                afternoon.plusSeconds(120)),
                        withTime(submission(cycleId, lea, SELF, Map.of("t1", 5), Map.of()), afternoon.plusSeconds(180)),
                        withTime(
                                submission(cycleId, lea, MANAGER, Map.of("t1", 1), Map.of("stop", "x")),
                                afternoon.plusSeconds(240)))
                .forEach(this::publish);
        publish(cycleClosed(cycleId, Map.of(lea, Map.of(SELF, 1, MANAGER, 1, DIRECT_REPORT, 3))));
        publish(resultsReleased(cycleId, List.of(lea)));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/me")
                                .header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE", "LEADER")))
                        .andExpect(status().isOk()));

        // Comments at rest are sorted, not in the order they were submitted.
        Document aggregate = mongo.getCollection(collections.active().aggregates())
                .find(new Document("_id", cycleId + ":" + lea))
                .first();
        assertThat(aggregate).isNotNull();
        assertThat(aggregate
                        .get("groups", Document.class)
                        .get("DIRECT_REPORT", Document.class)
                        .get("comments", Document.class)
                        .getList("start", String.class))
                .containsExactly("alpha", "mike", "zulu");

        // No time finer than the day about a response anywhere in the database.
        var violations = new ArrayList<String>();
        for (String collection : mongo.getDb().listCollectionNames()) {
            String kind = collection.replaceAll("_[0-9a-f]{32}$", "");
            for (Document doc : mongo.getCollection(collection).find()) {
                scan(kind, "", doc, violations, collection + " " + doc.get("_id"));
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Keys live in analytics' memory only: whoever reads its database cannot open the topics with it. */
    @Test
    void noSubjectKeyIsStoredInTheDatabase() throws Exception {
        String lea = unique("lea");
        String cycleId = unique("cycle");
        publish(cycleOpened(cycleId, 3, Map.of(lea, Map.of(SELF, 1, MANAGER, 1))));
        publish(submission(cycleId, lea, SELF, Map.of("t1", 5), Map.of()));
        publish(submission(cycleId, lea, MANAGER, Map.of("t1", 3), Map.of()));
        publish(cycleClosed(cycleId, Map.of(lea, Map.of(SELF, 1, MANAGER, 1))));
        publish(resultsReleased(cycleId, List.of(lea)));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/me")
                                .header(HttpHeaders.AUTHORIZATION, bearer(lea, "EMPLOYEE", "LEADER")))
                        .andExpect(status().isOk()));

        var encodings = new ArrayList<String>();
        for (byte[] key : FeedbackKeyEndpoint.get().allKeys()) {
            encodings.add(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
            encodings.add(Base64.getEncoder().withoutPadding().encodeToString(key));
            encodings.add(HexFormat.of().formatHex(key));
        }
        for (String collection : mongo.getDb().listCollectionNames()) {
            for (Document doc : mongo.getCollection(collection).find()) {
                String stored = doc.toJson();
                assertThat(encodings).as(collection).noneMatch(stored::contains);
                // binary values would not show in JSON as the key's text: none may exist at all
                assertThat(stored).as(collection).doesNotContain("$binary");
            }
        }
    }

    @Test
    void noCommentReachesTheLogWhileIngestingAndReading(CapturedOutput output) throws Exception {
        String secret = "secret-comment-" + UUID.randomUUID();
        String lea = unique("lea");
        String cycleId = unique("cycle");
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        publish(cycleOpened(cycleId, 3, Map.of(lea, Map.of(SELF, 1, DIRECT_REPORT, 3))));
        publish(submission(cycleId, lea, SELF, Map.of("t1", 5), Map.of("start", secret + " self")));
        publish(submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 2), Map.of("start", secret + " report")));
        publish(submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 3), Map.of("continue", secret + " more")));
        publish(submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 4), Map.of()));
        // Unusable events that carry a comment go to the dead-letter topic, and their failure is logged.
        publish(submission(cycleId, lea, DIRECT_REPORT, Map.of("t1", 9), Map.of("start", secret + " out of range")));
        publishRaw(
                Topics.FEEDBACK_SUBMITTED,
                lea,
                "{\"type\":\"FeedbackSubmitted\",\"comments\":\"" + secret + " as text\"}");
        publish(new FeedbackSubmitted(UUID.randomUUID(), 7, Instant.now(), cycleId, lea, secret + " unknown version"));
        // sealed, opened, and then not the contract: the reason must not quote what was sealed
        UUID eventId = UUID.randomUUID();
        String brokenAnswers = SubjectSeal.seal(
                FeedbackKeyEndpoint.get().keyOf(lea),
                SubjectSeal.context("FeedbackSubmitted", eventId, cycleId, lea),
                ("{\"relationship\":\"" + secret + " as relationship\",\"ratings\":{}}")
                        .getBytes(StandardCharsets.UTF_8));
        RecordMetadata last = publish(new FeedbackSubmitted(
                eventId,
                FeedbackSubmitted.VERSION,
                Instant.now().truncatedTo(ChronoUnit.DAYS),
                cycleId,
                lea,
                brokenAnswers));
        publish(cycleClosed(cycleId, Map.of(lea, Map.of(SELF, 1, DIRECT_REPORT, 3))));
        publish(resultsReleased(cycleId, List.of(lea)));
        awaitConsumed(last, PATIENCE);

        String leaToken = bearer(lea, "EMPLOYEE", "LEADER");
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, leaToken))
                        .andExpect(status().isOk()));
        String profile = mvc.perform(get("/api/profiles/{id}", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(profile).contains(secret); // the comments are really there to be leaked
        mvc.perform(get("/api/profiles/{id}/report.pdf", lea)
                        .param("cycleId", cycleId)
                        .header(HttpHeaders.AUTHORIZATION, leaToken))
                .andExpect(status().isOk());
        mvc.perform(get("/api/organisation/heatmap").param("cycleId", cycleId).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk());

        // The capture does see the service's log (a line written through the same logging system).
        String marker = "privacy-marker-" + UUID.randomUUID();
        LoggerFactory.getLogger(PrivacyIT.class).warn(marker);
        assertThat(output).contains(marker);
        assertThat(output).doesNotContain(secret);
        for (byte[] key : FeedbackKeyEndpoint.get().allKeys()) {
            assertThat(output)
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        }
        assertThat(FeedbackKeyEndpoint.get().lastToken()).isNotNull();
        assertThat(output).doesNotContain(FeedbackKeyEndpoint.get().lastToken());
    }

    private static FeedbackSubmitted withTime(FeedbackSubmitted s, Instant at) {
        // the time is not part of what the seal binds: a producer could send any
        return new FeedbackSubmitted(s.eventId(), s.version(), at, s.cycleId(), s.subjectId(), s.answers());
    }

    /** Any date, timestamp, ObjectId (it embeds its creation time) or epoch number with a time of day. */
    private static void scan(String kind, String path, Object value, List<String> violations, String where) {
        if (value instanceof Document doc) {
            doc.forEach((key, child) -> scan(kind, path.isEmpty() ? key : path + "." + key, child, violations, where));
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(child -> scan(kind, path, child, violations, where));
            return;
        }
        boolean allowed = NOT_ABOUT_A_RESPONSE.contains(kind + "." + path);
        if (value instanceof ObjectId || value instanceof BsonTimestamp) {
            violations.add(where + ": " + path + " is a " + value.getClass().getSimpleName() + " (it carries a time)");
        } else if (value instanceof Date date && !allowed && hasTimeOfDay(date.toInstant())) {
            violations.add(where + ": " + path + " = " + date.toInstant());
        } else if (value instanceof String text
                && !allowed
                && DATE_TIME.matcher(text).matches()
                && hasTimeOfDay(text)) {
            violations.add(where + ": " + path + " = " + text);
        } else if (value instanceof Number number && !allowed && looksLikeEpochWithTime(number.longValue())) {
            violations.add(where + ": " + path + " = " + number + " (an epoch time?)");
        }
    }

    private static boolean hasTimeOfDay(Instant instant) {
        return !instant.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    private static boolean hasTimeOfDay(String text) {
        try {
            return hasTimeOfDay(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return true; // a date-time we cannot read is suspicious enough
        }
    }

    private static boolean looksLikeEpochWithTime(long n) {
        boolean millis = n > YEAR_2000_MS && n < YEAR_2100_MS && n % DAY_MS != 0;
        boolean seconds = n > YEAR_2000_MS / 1000 && n < YEAR_2100_MS / 1000 && n % (DAY_MS / 1000) != 0;
        return millis || seconds;
    }
}

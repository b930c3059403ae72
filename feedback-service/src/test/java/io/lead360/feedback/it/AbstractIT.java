package io.lead360.feedback.it;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.SubjectSeal;
import io.lead360.feedback.auth.Sessions;
import io.lead360.feedback.keys.SubjectKeys;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real Kafka broker and a real MongoDB-protocol server (containers or the
 * embedded pair), called with tokens signed like the gateway signs them.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class AbstractIT {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestSettings.register(registry);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    protected final TestTokens tokens = TestTokens.get();

    /** Keeps the data of one test apart from the others' in the shared database. */
    protected final String tag = UUID.randomUUID().toString().substring(0, 8);

    protected String email(String local) {
        return local + "-" + tag + "@acme.test";
    }

    @Autowired
    protected Sessions sessions;

    @Autowired
    protected SubjectKeys subjectKeys;

    /** One real session per person id, started through the store like a sign-in; renewed once it ended. */
    private final Map<String, String> sessionOf = new ConcurrentHashMap<>();

    protected String adminToken() {
        return tokenFor("admin-" + tag, "admin-" + tag + "@acme.test", "Admin", List.of("EMPLOYEE", "ADMIN"));
    }

    protected String personToken(String personId) {
        return tokenFor(personId, personId + "@acme.test", "Someone", List.of("EMPLOYEE"));
    }

    /** A token as the gateway mints it after a sign-in: its {@code sid} names a live session of the person. */
    protected String tokenFor(String personId, String email, String name, List<String> roles) {
        return tokens.accessToken(personId, email, name, roles, sessionFor(personId));
    }

    protected String sessionFor(String personId) {
        return sessionOf.compute(
                personId,
                (id, sid) -> sid != null && sessions.isLive(sid, id)
                        ? sid
                        : sessions.start(id).sessionId());
    }

    protected ResultActions getAs(String token, String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    protected ResultActions postAs(String token, String path, Object body) throws Exception {
        var request = post(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    protected ResultActions putAs(String token, String path, Object body) throws Exception {
        return mvc.perform(put(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : json.writeValueAsString(body)));
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** Imports the rows and answers the ids of this test's people by the local part of their email. */
    protected Map<String, String> importAndGetIds(List<Map<String, Object>> rows) throws Exception {
        postAs(adminToken(), "/api/people/import", rows).andExpect(status().isOk());
        return idsOfThisTest();
    }

    protected Map<String, String> idsOfThisTest() throws Exception {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode p : body(getAs(adminToken(), "/api/people"))) {
            String email = p.get("email").asString();
            if (email.endsWith("-" + tag + "@acme.test")) {
                ids.put(email.substring(0, email.indexOf('-')), p.get("id").asString());
            }
        }
        return ids;
    }

    protected static Map<String, Object> person(String email, String name, String managerEmail) {
        Map<String, Object> row = new HashMap<>();
        row.put("email", email);
        row.put("name", name);
        if (managerEmail != null) {
            row.put("managerEmail", managerEmail);
        }
        return row;
    }

    /** Requests of the rater, by relationship and subject id. */
    protected List<JsonNode> requestsOf(String raterId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        body(getAs(personToken(raterId), "/api/feedback-requests")).forEach(found::add);
        return found;
    }

    /**
     * Reads the topic from the start until {@code count} records containing {@code marker} arrived,
     * then keeps reading for {@code settle} so that extra (duplicate) records would show up too.
     */
    protected List<ConsumerRecord<String, String>> consume(String topic, String marker, int count, Duration settle) {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(45)).until(() -> {
                poll(consumer, marker, found);
                return found.size() >= count;
            });
            long until = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < until) {
                poll(consumer, marker, found);
            }
        }
        return found;
    }

    /** Every record of the cycle on the topic (at least one must come), read for {@code settle} after the first. */
    protected List<ConsumerRecord<String, String>> consumeAll(String topic, String cycleId, Duration settle) {
        return consume(topic, "\"cycleId\":\"" + cycleId + "\"", 1, settle);
    }

    /** The answers of a FeedbackSubmitted record, opened with its subject's key as analytics does. */
    protected JsonNode answersOf(ConsumerRecord<String, String> record) {
        JsonNode event = json.readTree(record.value());
        String context = SubjectSeal.context(
                "FeedbackSubmitted",
                UUID.fromString(event.get("eventId").asString()),
                event.get("cycleId").asString(),
                event.get("subjectId").asString());
        return json.readTree(subjectKeys.open(
                event.get("subjectId").asString(), context, event.get("answers").asString()));
    }

    /** One subject's sealed part of a cycle event (CycleOpened, CycleClosed, ResultsReleased), opened. */
    protected JsonNode sealedPartOf(ConsumerRecord<String, String> record, String subjectId) {
        JsonNode event = json.readTree(record.value());
        for (JsonNode part : event.get("subjects")) {
            if (part.get("subjectId").asString().equals(subjectId)) {
                String context = SubjectSeal.context(
                        event.get("type").asString(),
                        UUID.fromString(event.get("eventId").asString()),
                        event.get("cycleId").asString(),
                        subjectId);
                return json.readTree(
                        subjectKeys.open(subjectId, context, part.get("sealed").asString()));
            }
        }
        throw new AssertionError("no part for " + subjectId + " in " + record.value());
    }

    private static void poll(
            KafkaConsumer<String, String> consumer, String marker, List<ConsumerRecord<String, String>> found) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
            if (r.value().contains(marker)) {
                found.add(r);
            }
        }
    }
}

package io.lead360.feedback.it;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.feedback.auth.Sessions;
import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.outbox.EventSender;
import io.lead360.infra.FreePort;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with its broker unreachable (a port nothing listens on), over a database of its own so
 * that no working publisher drains it; a test plays "Kafka is back" with its own sender to the real
 * broker. Subclasses share this one context.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class KafkaDownIT {

    private static final int DEAD_PORT = FreePort.find();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestSettings.register(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + DEAD_PORT);
        registry.add("spring.mongodb.database", () -> "lead360_feedback_kafka_down");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected FeedbackProperties properties;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected Sessions sessions;

    protected final TestTokens tokens = TestTokens.get();
    protected final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<KafkaTemplate<String, String>> templates = new ArrayList<>();

    /** A boss with one report, a cycle about the boss opened: the ids and tokens. */
    protected record Team(String cycleId, String bossId, String bossToken, String devId, String devToken) {}

    protected Team openCycleAboutABoss() throws Exception {
        String admin = tokens.accessToken(
                "admin-" + tag,
                "a@acme.test",
                "Admin",
                List.of("ADMIN"),
                sessions.start("admin-" + tag).sessionId());
        String boss = "boss-" + tag + "@acme.test";
        String dev = "dev-" + tag + "@acme.test";
        call(
                post("/api/people/import"),
                admin,
                List.of(
                        Map.of("email", boss, "name", "Boss"),
                        Map.of("email", dev, "name", "Dev", "managerEmail", boss)));
        String bossId = null;
        String devId = null;
        for (JsonNode p : call(get("/api/people"), admin, null)) {
            if (p.get("email").asString().equals(boss)) {
                bossId = p.get("id").asString();
            } else if (p.get("email").asString().equals(dev)) {
                devId = p.get("id").asString();
            }
        }
        String cycle = call(
                        post("/api/cycles"),
                        admin,
                        Map.of("name", "Down " + tag, "templateId", "leadership-360", "subjectIds", List.of(bossId)))
                .get("id")
                .asString();
        call(post("/api/cycles/" + cycle + "/open"), admin, null);
        return new Team(
                cycle,
                bossId,
                tokens.accessToken(
                        bossId,
                        boss,
                        "Boss",
                        List.of("EMPLOYEE", "LEADER"),
                        sessions.start(bossId).sessionId()),
                devId,
                tokens.accessToken(
                        devId,
                        dev,
                        "Dev",
                        List.of("EMPLOYEE"),
                        sessions.start(devId).sessionId()));
    }

    /** "Kafka is back": a sender over the real broker. */
    protected EventSender senderToTheRealBroker() {
        String bootstrap = TestInfrastructure.get().kafkaBootstrap();
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        templates.add(kafka);
        KafkaAdmin kafkaAdmin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        kafkaAdmin.setApplicationContext(context); // it creates the context's NewTopic beans
        return new EventSender(kafka, kafkaAdmin);
    }

    @AfterEach
    void closeTemplates() {
        templates.forEach(KafkaTemplate::destroy);
    }

    /** Whether a record of the cycle arrives on the topic of the real broker. */
    protected boolean arrives(String topic, String cycle) {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            boolean[] found = {false};
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    found[0] |= r.value().contains("\"cycleId\":\"" + cycle + "\"");
                }
                return found[0];
            });
            return found[0];
        }
    }

    protected JsonNode call(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        String response = mvc.perform(request)
                .andExpect(status().is2xxSuccessful())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }
}

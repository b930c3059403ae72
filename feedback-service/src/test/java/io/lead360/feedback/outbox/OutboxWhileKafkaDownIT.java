package io.lead360.feedback.outbox;

import io.lead360.infra.FreePort;
import io.lead360.events.Topics;
import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import io.lead360.feedback.auth.Sessions;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With the broker unreachable a submission is still accepted (its event waits in MongoDB), and a
 * publisher that can reach Kafka later delivers it and empties the outbox.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutboxWhileKafkaDownIT {

    private static final int DEAD_PORT = FreePort.find();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerProperties(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + DEAD_PORT);
        // a database of its own, so the other test context's (working) publisher cannot drain it
        registry.add("spring.mongodb.database", () -> "lead360_feedback_kafka_down");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    FeedbackProperties properties;
    @Autowired
    ApplicationContext context;

    private final TestTokens tokens = TestTokens.get();
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    @Autowired
    Sessions sessions;

    @Test
    void aSubmissionWhileKafkaIsDownIsAcceptedAndPublishedOnceKafkaIsReachable() throws Exception {
        String admin = tokens.accessToken("admin-" + tag, "a@acme.test", "Admin", List.of("ADMIN"),
                sessions.start("admin-" + tag).sessionId());
        String boss = "boss-" + tag + "@acme.test";
        String dev = "dev-" + tag + "@acme.test";
        call(post("/api/people/import"), admin, List.of(Map.of("email", boss, "name", "Boss"),
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
        String cycle = call(post("/api/cycles"), admin, Map.of("name", "Down " + tag, "templateId", "leadership-360",
                "subjectIds", List.of(bossId))).get("id").asString();
        call(post("/api/cycles/" + cycle + "/open"), admin, null);
        String devToken = tokens.accessToken(devId, dev, "Dev", List.of("EMPLOYEE"), sessions.start(devId).sessionId());
        String request = call(get("/api/feedback-requests"), devToken, null).get(0).get("id").asString();

        long start = System.nanoTime();
        mvc.perform(post("/api/feedback-requests/" + request + "/response")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + devToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ratings\":{\"trust-1\":5}}"))
                .andExpect(status().isCreated());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        // the app's own publisher keeps failing: the entry stays
        Thread.sleep(1500);
        assertThat(mongo.findById(request, Document.class, "feedback_requests").getList("outbox", Document.class))
                .hasSize(1);

        // "Kafka is back": a publisher over the same database that reaches the real broker
        String bootstrap = TestInfrastructure.get().kafkaBootstrap();
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        KafkaAdmin kafkaAdmin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        kafkaAdmin.setApplicationContext(context); // it creates the context's NewTopic beans
        OutboxPublisher recovered = new OutboxPublisher(mongo, kafka, kafkaAdmin, properties);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            recovered.publishPending();
            return mongo.findById(request, Document.class, "feedback_requests").getList("outbox", Document.class)
                    .isEmpty();
        });
        kafka.destroy();

        assertThat(consume(bootstrap, cycle)).isTrue();
    }

    private boolean consume(String bootstrap, String cycle) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.FEEDBACK_SUBMITTED));
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

    private JsonNode call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                          String token, Object body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        String response = mvc.perform(request).andExpect(status().is2xxSuccessful()).andReturn().getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

}

package io.lead360.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraRestartTest {

    private static final String TOPIC = "lead360.restart-test.v1";

    @TempDir
    Path home;

    @Test
    void messagesAndDocumentsOfBothStoresSurviveACleanRestartOnTheSameHome() throws Exception {
        LocalInfra.Settings settings = settings();
        LocalInfra infra = new LocalInfra(settings);
        try {
            infra.start();
            try (KafkaProducer<String, String> producer = producer(bootstrap(settings))) {
                producer.send(new ProducerRecord<>(TOPIC, "cycle-1", "{\"type\":\"CycleOpened\"}"))
                        .get();
            }
            try (MongoClient feedback = MongoClients.create(feedbackUri(settings));
                    MongoClient analytics = MongoClients.create(analyticsUri(settings))) {
                feedback.getDatabase("lead360_feedback")
                        .getCollection("people")
                        .insertOne(new Document("_id", "p1").append("name", "Ada"));
                analytics
                        .getDatabase("lead360_analytics")
                        .getCollection("profiles")
                        .insertOne(new Document("_id", "s1").append("score", 4));
            }

            infra.stop();
            infra = new LocalInfra(settings);
            infra.start();

            assertThat(readAll(bootstrap(settings)))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("cycle-1", "{\"type\":\"CycleOpened\"}"));
            try (MongoClient feedback = MongoClients.create(feedbackUri(settings));
                    MongoClient analytics = MongoClients.create(analyticsUri(settings))) {
                Document ada = feedback.getDatabase("lead360_feedback")
                        .getCollection("people")
                        .find(new Document("_id", "p1"))
                        .first();
                assertThat(ada).isNotNull();
                assertThat(ada.getString("name")).isEqualTo("Ada");
                Document profile = analytics
                        .getDatabase("lead360_analytics")
                        .getCollection("profiles")
                        .find(new Document("_id", "s1"))
                        .first();
                assertThat(profile).isNotNull();
                assertThat(profile.getInteger("score")).isEqualTo(4);
            }
        } finally {
            infra.stop();
        }
    }

    @Test
    void eachServiceHasItsOwnServerAndItsOwnFile() throws Exception {
        LocalInfra.Settings settings = settings();
        LocalInfra infra = new LocalInfra(settings);
        String rater = "rater-" + UUID.randomUUID();
        String comment = "comment-" + UUID.randomUUID();
        try {
            infra.start();
            // written at the same moment, as a submission and its analytics counterpart would be
            try (MongoClient feedback = MongoClients.create(feedbackUri(settings));
                    MongoClient analytics = MongoClients.create(analyticsUri(settings))) {
                feedback.getDatabase("lead360_feedback")
                        .getCollection("requests")
                        .insertOne(new Document("_id", "r1").append("raterId", rater));
                analytics
                        .getDatabase("lead360_analytics")
                        .getCollection("answers")
                        .insertOne(new Document("_id", "a1").append("comment", comment));
                assertThat(analytics
                                .getDatabase("lead360_feedback")
                                .getCollection("requests")
                                .countDocuments())
                        .as("the analytics server does not serve feedback-service's data")
                        .isZero();
            }
        } finally {
            infra.stop();
        }
        Path data = home.resolve("data");
        assertThat(StoreResidueTest.foundIn(data.resolve("mongodb-feedback"), rater, comment))
                .containsExactly(rater);
        assertThat(StoreResidueTest.foundIn(data.resolve("mongodb-analytics"), rater, comment))
                .containsExactly(comment);
    }

    @Test
    void theSharedStoreOfEarlierVersionsIsSplitByDatabaseAndThenDeleted() throws Exception {
        Path legacyDir = home.resolve("data").resolve(LocalInfra.LEGACY_MONGO_DIR);
        String rater = "rater-" + UUID.randomUUID();
        String comment = "comment-" + UUID.randomUUID();
        String deleted = "deleted-" + UUID.randomUUID();
        EmbeddedMongo shared = new EmbeddedMongo(legacyDir, 0);
        shared.start();
        try (MongoClient client = MongoClients.create(shared.connectionString())) {
            client.getDatabase("lead360_feedback")
                    .getCollection("requests")
                    .insertOne(new Document("_id", "r1").append("raterId", rater));
            client.getDatabase("lead360_analytics")
                    .getCollection("answers")
                    .insertOne(new Document("_id", "a1").append("comment", comment));
            client.getDatabase("lead360_analytics")
                    .getCollection("answers")
                    .insertOne(new Document("_id", "a2").append("comment", deleted));
            client.getDatabase("lead360_analytics").getCollection("answers").deleteOne(new Document("_id", "a2"));
        } finally {
            shared.stop();
        }

        LocalInfra.Settings settings = settings();
        LocalInfra infra = new LocalInfra(settings);
        try {
            infra.start();
            try (MongoClient feedback = MongoClients.create(feedbackUri(settings));
                    MongoClient analytics = MongoClients.create(analyticsUri(settings))) {
                assertThat(feedback.getDatabase("lead360_feedback")
                                .getCollection("requests")
                                .find(new Document("_id", "r1"))
                                .first())
                        .isNotNull();
                assertThat(analytics
                                .getDatabase("lead360_analytics")
                                .getCollection("answers")
                                .find(new Document("_id", "a1"))
                                .first())
                        .isNotNull();
                assertThat(feedback.listDatabaseNames().into(new java.util.ArrayList<>()))
                        .doesNotContain("lead360_analytics");
                assertThat(analytics.listDatabaseNames().into(new java.util.ArrayList<>()))
                        .doesNotContain("lead360_feedback");
            }
        } finally {
            infra.stop();
        }
        assertThat(legacyDir).doesNotExist();
        Path data = home.resolve("data");
        assertThat(StoreResidueTest.foundIn(data, rater, comment, deleted)).containsExactlyInAnyOrder(rater, comment);
        assertThat(StoreResidueTest.foundIn(data.resolve("mongodb-feedback"), comment))
                .isEmpty();
        assertThat(StoreResidueTest.foundIn(data.resolve("mongodb-analytics"), rater))
                .isEmpty();
    }

    private LocalInfra.Settings settings() {
        return LocalInfra.Settings.fromEnvironment(Map.of(
                "LEAD360_HOME", home.toString(),
                "LEAD360_KAFKA_PORT", String.valueOf(FreePort.find()),
                "LEAD360_MONGODB_PORT", String.valueOf(FreePort.find()),
                "LEAD360_ANALYTICS_MONGODB_PORT", String.valueOf(FreePort.find()),
                "LEAD360_INFRA_HEALTH_PORT", String.valueOf(FreePort.find()),
                "LEAD360_INFRA_MAIL", "false"));
    }

    private static String bootstrap(LocalInfra.Settings settings) {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    private static String feedbackUri(LocalInfra.Settings settings) {
        return "mongodb://127.0.0.1:" + settings.mongoPort();
    }

    private static String analyticsUri(LocalInfra.Settings settings) {
        return "mongodb://127.0.0.1:" + settings.analyticsMongoPort();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}

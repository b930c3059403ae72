package io.lead360.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
    Path dataDir;

    @Test
    void messagesAndDocumentsSurviveACleanRestartOnTheSameDataDir() throws Exception {
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir.resolve("kafka"), 0);
        EmbeddedMongo mongo = new EmbeddedMongo(dataDir.resolve("mongodb"), 0);
        try {
            kafka.start();
            mongo.start();
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                producer.send(new ProducerRecord<>(TOPIC, "cycle-1", "{\"type\":\"CycleOpened\"}")).get();
            }
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                client.getDatabase("lead360_test").getCollection("people")
                        .insertOne(new Document("_id", "p1").append("name", "Ada"));
            }

            mongo.stop();
            kafka.stop();
            kafka.start();
            mongo.start();

            assertThat(readAll(kafka.bootstrapServers()))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("cycle-1", "{\"type\":\"CycleOpened\"}"));
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                Document ada = client.getDatabase("lead360_test").getCollection("people")
                        .find(new Document("_id", "p1")).first();
                assertThat(ada).isNotNull();
                assertThat(ada.getString("name")).isEqualTo("Ada");
            }
        } finally {
            mongo.stop();
            kafka.stop();
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}

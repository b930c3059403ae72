package io.lead360.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultControlTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path home;

    private LocalInfra.Settings settings;

    @Test
    void withFaultControlOnMongoDbCanBeStoppedAndStartedAgainWithItsDataAndHealthSaysWhatRuns() throws Exception {
        LocalInfra infra = start(true);
        try {
            String feedback = "mongodb://127.0.0.1:" + settings.mongoPort();
            String analytics = "mongodb://127.0.0.1:" + settings.analyticsMongoPort();
            insert(feedback, "lead360_feedback", "kept-by-feedback");
            insert(analytics, "lead360_analytics", "kept-by-analytics");

            // "MongoDB is away" means away for both services
            assertThat(post("/faults/mongodb/stop").statusCode()).isEqualTo(200);
            HttpResponse<String> health = get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body())
                    .contains("\"mongodb\":\"DOWN\"", "\"analyticsMongodb\":\"DOWN\"", "\"kafka\":\"UP\"");

            assertThat(post("/faults/mongodb/start").statusCode()).isEqualTo(200);
            health = get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .contains("\"mongodb\":\"" + feedback + "\"", "\"analyticsMongodb\":\"" + analytics + "\"");
            assertThat(find(feedback, "lead360_feedback", "kept-by-feedback")).isNotNull();
            assertThat(find(analytics, "lead360_analytics", "kept-by-analytics"))
                    .isNotNull();

            assertThat(post("/faults/kafka/stop").statusCode()).isEqualTo(200);
            assertThat(get("/health").body())
                    .contains("\"kafka\":\"DOWN\"", "\"mongodb\":\"UP\"", "\"analyticsMongodb\":\"UP\"");
            assertThat(post("/faults/kafka/start").statusCode()).isEqualTo(200);
            assertThat(get("/health").statusCode()).isEqualTo(200);

            assertThat(post("/faults/zookeeper/stop").statusCode()).isEqualTo(404);
        } finally {
            infra.stop();
        }
    }

    @Test
    void smtpStopsAndStartsWhileTheRestStaysHealthy() throws Exception {
        LocalInfra infra = start(true);
        try {
            assertThat(get("/health").body()).contains("\"smtp\":\"127.0.0.1:" + settings.smtpPort());
            assertThat(post("/faults/smtp/stop").statusCode()).isEqualTo(200);
            assertThat(get("/health").statusCode())
                    .as("mail waits in the outbox; nothing else depends on it")
                    .isEqualTo(200);
            assertThat(get("/health").body()).contains("\"smtp\":\"DOWN\"");
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", settings.smtpPort())) {
                org.assertj.core.api.Assertions.fail("SMTP still takes connections");
            } catch (java.io.IOException refused) {
                // as it should
            }
            assertThat(post("/faults/smtp/start").statusCode()).isEqualTo(200);
            try (java.net.Socket smtp = new java.net.Socket("127.0.0.1", settings.smtpPort())) {
                assertThat(smtp.isConnected()).isTrue();
            }
        } finally {
            infra.stop();
        }
    }

    @Test
    void withoutTheSettingThereIsNoFaultControl() throws Exception {
        LocalInfra infra = start(false);
        try {
            assertThat(post("/faults/mongodb/stop").statusCode()).isEqualTo(404);
            assertThat(get("/health").statusCode()).isEqualTo(200);
        } finally {
            infra.stop();
        }
    }

    private LocalInfra start(boolean faultControl) throws Exception {
        settings = LocalInfra.Settings.fromEnvironment(Map.of(
                "LEAD360_HOME", home.toString(),
                "LEAD360_KAFKA_PORT", String.valueOf(FreePort.find()),
                "LEAD360_MONGODB_PORT", String.valueOf(FreePort.find()),
                "LEAD360_ANALYTICS_MONGODB_PORT", String.valueOf(FreePort.find()),
                "LEAD360_INFRA_HEALTH_PORT", String.valueOf(FreePort.find()),
                "LEAD360_SMTP_PORT", String.valueOf(FreePort.find()),
                "LEAD360_IMAP_PORT", String.valueOf(FreePort.find()),
                "LEAD360_INFRA_FAULT_CONTROL", String.valueOf(faultControl)));
        LocalInfra infra = new LocalInfra(settings);
        infra.start();
        return infra;
    }

    private static void insert(String uri, String database, String id) {
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase(database).getCollection("c").insertOne(new Document("_id", id));
        }
    }

    private static Document find(String uri, String database, String id) {
        try (MongoClient client = MongoClients.create(uri)) {
            return client.getDatabase(database)
                    .getCollection("c")
                    .find(new Document("_id", id))
                    .first();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(
                request(path).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.healthPort() + path))
                .timeout(Duration.ofSeconds(60));
    }
}

package io.lead360.feedback.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.feedback.it.AbstractIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A measurement, not a timed test: imports 10,000 people and opens a cycle for their 1,000 leaders
 * against the test infrastructure (embedded servers here), and prints how long each took. Runs only
 * with the {@code benchmarks} profile: {@code ./mvnw -pl feedback-service verify -Pbenchmarks -Dit.test='*Benchmark'}.
 */
class ImportAndOpenBenchmark extends AbstractIT {

    private static final int PEOPLE = 10_000;
    private static final int LEADERS = 1_000;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> "lead360_feedback_benchmark");
    }

    @Autowired
    MongoTemplate mongo;

    /**
     * Leaders 0..999 form a tree (leader i reports to leader (i-1)/10); the other 9,000 people each
     * report to leader (i-1000) mod 1000, so every leader has direct reports and ~18 peer candidates.
     */
    private List<Map<String, Object>> organisation() {
        List<Map<String, Object>> rows = new ArrayList<>(PEOPLE);
        for (int i = 0; i < PEOPLE; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("email", "p" + i + "@bench.test");
            row.put("name", "Person " + i);
            if (i > 0 && i < LEADERS) {
                row.put("managerEmail", "p" + ((i - 1) / 10) + "@bench.test");
            } else if (i >= LEADERS) {
                row.put("managerEmail", "p" + ((i - LEADERS) % LEADERS) + "@bench.test");
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void importTenThousandPeopleAndOpenACycleForAThousandLeaders() throws Exception {
        for (String collection : List.of("people", "cycles", "feedback_requests", "nominations", "templates")) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
        }
        String rows = json.writeValueAsString(organisation());

        long importStart = System.nanoTime();
        postAs(adminToken(), "/api/people/import", rows).andExpect(status().isOk());
        Duration importTook = Duration.ofNanos(System.nanoTime() - importStart);

        JsonNode cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of("name", "Benchmark", "templateId", "leadership-360", "allLeaders", true))
                .andExpect(status().isCreated()));
        assertThat(cycle.get("subjectIds").size()).isEqualTo(LEADERS);

        long openStart = System.nanoTime();
        postAs(adminToken(), "/api/cycles/" + cycle.get("id").asString() + "/open", null)
                .andExpect(status().isOk());
        Duration openTook = Duration.ofNanos(System.nanoTime() - openStart);

        long requests = mongo.count(new org.springframework.data.mongodb.core.query.Query(), "feedback_requests");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "people"))
                .isEqualTo(PEOPLE);
        assertThat(requests).isGreaterThan(LEADERS * 3L);
        Document any = mongo.findOne(
                new org.springframework.data.mongodb.core.query.Query(), Document.class, "feedback_requests");
        assertThat(any).isNotNull();

        System.out.printf("%n[benchmark] import of %,d people: %,d ms%n", PEOPLE, importTook.toMillis());
        System.out.printf(
                "[benchmark] opening a cycle for %,d leaders (%,d requests): %,d ms%n%n",
                LEADERS, requests, openTook.toMillis());
    }
}

package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An import that sets more passwords than {@code lead360.people.synchronous-import-passwords} (3 here) is
 * checked at once and then runs as a job: 202 with a Location, followed until DONE. Bad input is still
 * refused at once, and a job is for administrators only.
 */
class PeopleImportJobsIT extends AbstractIT {

    private static final int LIMIT = 3;

    @DynamicPropertySource
    static void smallLimit(DynamicPropertyRegistry registry) {
        registry.add("lead360.people.synchronous-import-passwords", () -> String.valueOf(LIMIT));
        registry.add("lead360.people.import-job-heartbeat", () -> "200ms");
    }

    @Autowired
    MongoTemplate mongo;

    private List<Map<String, Object>> withPasswords(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(person(email("head"), "Head", null));
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = person(email("p" + i), "Person " + i, email("head"));
            row.put("password", "password-of-p" + i + "-" + tag);
            rows.add(row);
        }
        return rows;
    }

    private JsonNode followUntilEnded(String location) {
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    job[0] = body(getAs(adminToken(), location).andExpect(status().isOk()));
                    return !job[0].get("status").asString().equals("RUNNING");
                });
        return job[0];
    }

    @Test
    void manyPasswordsAnswer202AndTheJobEndsDoneWithTheAnswerOfASynchronousImport() throws Exception {
        int n = LIMIT + 5;
        var accepted = postAs(adminToken(), "/api/people/import", withPasswords(n))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/people/imports/")))
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.people").value(n + 1))
                .andExpect(jsonPath("$.passwords").value(n));
        String location = accepted.andReturn().getResponse().getHeader("Location");
        assertThat(location).endsWith(body(accepted).get("id").asString());

        JsonNode done = followUntilEnded(location);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("hashed").asInt()).isEqualTo(n);
        assertThat(done.at("/result/created").asInt()).isEqualTo(n + 1);
        assertThat(done.at("/result/updated").asInt()).isZero();
        assertThat(done.at("/result/dryRun").asBoolean()).isFalse();
        assertThat(done.at("/result/warnings")).isEmpty();

        // each imported person signs in with their own password
        for (int i : List.of(0, n - 1)) {
            postAs(
                            tokens.serviceToken(),
                            "/internal/auth/verify",
                            Map.of("email", email("p" + i), "password", "password-of-p" + i + "-" + tag))
                    .andExpect(status().isOk());
        }
        // audited as a synchronous import is
        String p0 = idsOfThisTest().get("p0");
        JsonNode set = body(getAs(adminToken(), "/api/audit?action=PASSWORD_SET&targetId=" + p0));
        assertThat(set).hasSize(1);
        assertThat(set.get(0).get("actorId").asString()).isEqualTo("admin-" + tag);
        assertThat(body(getAs(adminToken(), "/api/audit?action=PEOPLE_IMPORTED&actorId=admin-" + tag)))
                .hasSize(1);
        // the stored job holds counts and the result, never a password or a hash
        String stored = mongo.findById(done.get("id").asString(), Document.class, "importJobs")
                .toJson();
        assertThat(stored)
                .doesNotContain("password-of-")
                .doesNotContain("{bcrypt}")
                .doesNotContain("$2a$");
    }

    @Test
    void upToTheLimitAnImportStaysSynchronous() throws Exception {
        postAs(adminToken(), "/api/people/import", withPasswords(LIMIT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(LIMIT + 1));
        postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("p0"), "password", "password-of-p0-" + tag))
                .andExpect(status().isOk());
        // and so does a dry run of a large one
        postAs(adminToken(), "/api/people/import?dryRun=true", withPasswords(LIMIT + 5))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true));
    }

    @Test
    void invalidInputAboveTheLimitIsRefusedAtOnceAndStartsNoJob() throws Exception {
        List<Map<String, Object>> rows = withPasswords(LIMIT + 5);
        rows.get(3).put("managerEmail", email("nobody"));
        postAs(adminToken(), "/api/people/import", rows)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].field").value("managerEmail"));
        assertThat(mongo.count(Query.query(Criteria.where("actorId").is("admin-" + tag)), "importJobs"))
                .isZero();
        assertThat(idsOfThisTest()).isEmpty();
    }

    @Test
    void onlyAnAdministratorFollowsAJobAndAnUnknownOneIsNotFound() throws Exception {
        String location = postAs(adminToken(), "/api/people/import", withPasswords(LIMIT + 1))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        getAs(personToken("emp-" + tag), location).andExpect(status().isForbidden());
        // any administrator, not only the one who started it
        String otherAdmin =
                tokenFor("admin2-" + tag, "admin2-" + tag + "@acme.test", "Other", List.of("EMPLOYEE", "ADMIN"));
        getAs(otherAdmin, location).andExpect(status().isOk());
        getAs(adminToken(), "/api/people/imports/" + UUID.randomUUID()).andExpect(status().isNotFound());
        assertThat(followUntilEnded(location).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void aJobWhoseInstanceStoppedIsReportedFailedNotRunningForever() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        mongo.insert(
                new Document("_id", id)
                        .append("actorId", "admin-" + tag)
                        .append("status", "RUNNING")
                        .append("people", 500)
                        .append("passwords", 500)
                        .append("hashed", 120)
                        .append("createdAt", Date.from(longAgo))
                        .append("updatedAt", Date.from(longAgo))
                        .append("expiresAt", Date.from(Instant.now().plus(Duration.ofHours(1)))),
                "importJobs");
        JsonNode job = body(getAs(adminToken(), "/api/people/imports/" + id).andExpect(status().isOk()));
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("hashed").asInt()).isEqualTo(120);
        assertThat(job.at("/problem/title").asString()).isEqualTo("Import interrupted");
        assertThat(job.at("/problem/status").asInt()).isEqualTo(500);
        assertThat(job.at("/problem/type").asString()).isEqualTo("urn:lead360:problem:internal-error");
    }

    @Test
    void anExpiredJobIsNotFound() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        mongo.insert(
                new Document("_id", id)
                        .append("actorId", "admin-" + tag)
                        .append("status", "DONE")
                        .append("people", 1)
                        .append("passwords", 1)
                        .append("hashed", 1)
                        .append("createdAt", Date.from(now.minus(Duration.ofDays(2))))
                        .append("updatedAt", Date.from(now.minus(Duration.ofDays(2))))
                        .append("expiresAt", Date.from(now.minus(Duration.ofDays(1)))),
                "importJobs");
        getAs(adminToken(), "/api/people/imports/" + id).andExpect(status().isNotFound());
    }
}

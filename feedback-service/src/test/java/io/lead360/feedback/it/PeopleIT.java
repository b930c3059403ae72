package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class PeopleIT extends AbstractIT {

    private List<Map<String, Object>> org() {
        return List.of(
                Map.of("email", email("mo"), "name", "Mo Boss", "roles", List.of("EMPLOYEE"), "password", "mo-secret"),
                Map.of(
                        "email",
                        email("lea"),
                        "name",
                        "Lea Park",
                        "managerEmail",
                        email("mo"),
                        "roles",
                        List.of("EMPLOYEE")),
                Map.of("email", email("sam"), "name", "Sam Lee", "managerEmail", email("mo"), "roles", List.of()));
    }

    @Test
    void importingTheSameJsonTwiceCreatesOnceThenChangesNothing() throws Exception {
        postAs(adminToken(), "/api/people/import", org())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.updated").value(0));

        postAs(adminToken(), "/api/people/import", org())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0));

        JsonNode people = body(getAs(adminToken(), "/api/people").andExpect(status().isOk()));
        JsonNode mo = find(people, email("mo"));
        JsonNode lea = find(people, email("lea"));
        assertThat(lea.get("managerId").asString()).isEqualTo(mo.get("id").asString());
        assertThat(mo.toString()).doesNotContain("password").doesNotContain("mo-secret");
        assertThat(StreamSupport.stream(mo.get("roles").spliterator(), false).map(JsonNode::asString))
                .containsExactly("EMPLOYEE", "LEADER");
    }

    @Test
    void aDryRunCountsExactlyLikeTheImportButSavesNothing() throws Exception {
        postAs(adminToken(), "/api/people/import?dryRun=true", org())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.deactivated").value(0))
                .andExpect(jsonPath("$.dryRun").value(true));
        assertThat(body(getAs(adminToken(), "/api/people")).toString()).doesNotContain(email("mo"));
        postAs(adminToken(), "/api/people/import?dryRun=true", List.of(Map.of("email", "bad", "name", "Bad")))
                .andExpect(status().isBadRequest());

        postAs(adminToken(), "/api/people/import", org())
                .andExpect(jsonPath("$.created").value(3));
        postAs(
                        adminToken(),
                        "/api/people/import?dryRun=true",
                        List.of(Map.of("email", email("lea"), "name", "Lea Renamed", "managerEmail", email("mo"))))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(find(body(getAs(adminToken(), "/api/people")), email("lea"))
                        .get("name")
                        .asString())
                .isEqualTo("Lea Park");
    }

    @Test
    void aChangedRowIsUpdatedAndKeepsItsId() throws Exception {
        postAs(adminToken(), "/api/people/import", org()).andExpect(status().isOk());
        String leaId = find(body(getAs(adminToken(), "/api/people")), email("lea"))
                .get("id")
                .asString();

        postAs(
                        adminToken(),
                        "/api/people/import",
                        List.of(Map.of("email", email("lea"), "name", "Lea Park-Kim", "roles", List.of("ADMIN"))))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(1));

        getAs(adminToken(), "/api/people/" + leaId)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Lea Park-Kim"))
                .andExpect(jsonPath("$.managerId").doesNotExist())
                .andExpect(jsonPath("$.roles", containsInAnyOrder("EMPLOYEE", "ADMIN")));
    }

    @Test
    void csvImportWorksAndThePersonSeesThemselves() throws Exception {
        String csv = "email,name,managerEmail,roles,password\n"
                + email("boss") + ",\"Boss, The\",,ADMIN|EMPLOYEE,boss-pass\n"
                + email("dev") + ",Dev One," + email("boss") + ",EMPLOYEE,\n";
        mvc.perform(post("/api/people/import")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));

        JsonNode boss = find(body(getAs(adminToken(), "/api/people")), email("boss"));
        String bossId = boss.get("id").asString();
        getAs(personToken(bossId), "/api/me")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Boss, The"))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("EMPLOYEE", "LEADER", "ADMIN")));
        getAs(personToken(bossId), "/api/people/" + bossId).andExpect(status().isOk());
        getAs(personToken("someone-else"), "/api/people/" + bossId).andExpect(status().isForbidden());
        getAs(adminToken(), "/api/people/nobody-" + tag).andExpect(status().isNotFound());

        postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("boss").toUpperCase(), "password", "boss-pass"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(bossId))
                .andExpect(jsonPath("$.roles", hasItem("ADMIN")));
    }

    @Test
    void aBadImportIsRejectedWholeNamingEveryRowAndChangesNothing() throws Exception {
        List<Map<String, Object>> rows = List.of(
                Map.of("email", email("fine"), "name", "Fine"),
                Map.of("email", "not-an-email", "name", "Bad"),
                Map.of("email", email("orphan"), "name", "Orphan", "managerEmail", email("ghost")),
                Map.of("email", email("a"), "name", "A", "managerEmail", email("b")),
                Map.of("email", email("b"), "name", "B", "managerEmail", email("a")),
                Map.of("email", email("fine"), "name", "Again"));

        JsonNode problem = body(postAs(adminToken(), "/api/people/import", rows)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));

        assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false)
                        .map(e -> e.get("row").asInt() + ":" + e.get("field").asString()))
                .containsExactlyInAnyOrder("2:email", "3:managerEmail", "4:managerEmail", "5:managerEmail", "6:email");
        JsonNode people = body(getAs(adminToken(), "/api/people"));
        assertThat(people.toString()).doesNotContain(email("fine"));
    }

    @Test
    void signInIsCheckedForTheGatewayWithTheSameAnswerForUnknownEmails() throws Exception {
        postAs(adminToken(), "/api/people/import", org()).andExpect(status().isOk());

        postAs(tokens.serviceToken(), "/internal/auth/verify", Map.of("email", email("mo"), "password", "mo-secret"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email("mo")))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        postAs(tokens.serviceToken(), "/internal/auth/verify", Map.of("email", email("mo"), "password", "wrong"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        postAs(tokens.serviceToken(), "/internal/auth/verify", Map.of("email", email("nobody"), "password", "wrong"))
                .andExpect(status().isUnauthorized());
        // lea was imported without a password: no local sign-in
        postAs(tokens.serviceToken(), "/internal/auth/verify", Map.of("email", email("lea"), "password", ""))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theBootstrapAdministratorCanSignIn() throws Exception {
        postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of(
                                "email",
                                TestSettings.BOOTSTRAP_ADMIN_EMAIL,
                                "password",
                                TestSettings.BOOTSTRAP_ADMIN_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Administrator"))
                .andExpect(jsonPath("$.roles", hasItem("ADMIN")));
    }

    @Test
    void callsWithoutTheRightTokenAreRefusedAsProblems() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        getAs("not-a-jwt", "/api/templates").andExpect(status().isUnauthorized());
        getAs(personToken("p-" + tag), "/api/people")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        postAs(personToken("p-" + tag), "/api/people/import", List.of()).andExpect(status().isForbidden());
        postAs(personToken("p-" + tag), "/internal/auth/verify", Map.of("email", "x", "password", "y"))
                .andExpect(status().isForbidden());
        getAs(tokens.serviceToken(), "/api/templates").andExpect(status().isForbidden());
        // the readiness probe of the application port needs no token (actuator itself is on the management port)
        mvc.perform(get("/readyz")).andExpect(status().isOk());
    }

    @Test
    void theBuiltInTemplateIsServed() throws Exception {
        getAs(personToken("p-" + tag), "/api/templates/leadership-360")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.competencies.length()").value(7))
                .andExpect(jsonPath("$.competencies[0].items[2].reverse").value(true))
                .andExpect(jsonPath("$.openQuestions[2].id").value("continue"));
        getAs(personToken("p-" + tag), "/api/templates/nope").andExpect(status().isNotFound());
    }

    private static JsonNode find(JsonNode people, String email) {
        for (JsonNode p : people) {
            if (p.get("email").asString().equals(email)) {
                return p;
            }
        }
        throw new AssertionError("no " + email + " in " + people);
    }
}

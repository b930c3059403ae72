package io.lead360.analytics;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static io.lead360.testsupport.docs.OpenApiOperations.errorsThatAreNotProblems;
import static io.lead360.testsupport.docs.OpenApiOperations.headProblems;
import static io.lead360.testsupport.docs.OpenApiOperations.incomplete;
import static io.lead360.testsupport.docs.OpenApiOperations.operations;
import static io.lead360.testsupport.docs.OpenApiOperations.undocumented;
import static io.lead360.testsupport.docs.OpenApiOperations.unserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.Relationship;
import io.lead360.testsupport.docs.OpenApiOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document ({@code GET /api/docs/analytics}) against the running application: exactly the
 * calls a client can make (not analytics' own key set, which is for feedback-service), each with what it
 * does, who may make it and how it fails, and a profile example shaped like a real profile.
 */
class ApiDocsIT extends AbstractIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void everyDocumentedOperationIsServedByTheApplication() throws Exception {
        assertThat(unserved(document(), servedRoutes()))
                .as("documented but not served")
                .isEmpty();
    }

    @Test
    void everyPublicRouteIsDocumented() throws Exception {
        Set<String> routes = servedRoutes();

        assertThat(routes).as("sanity: the handler mappings were read").contains("GET /api/profiles/{subjectId}");
        assertThat(undocumented(
                        document(),
                        routes,
                        path -> path.equals("/.well-known/jwks.json")
                                || path.equals("/error")
                                || path.startsWith("/api/docs")))
                .as("public routes missing from the document")
                .isEmpty();
    }

    @Test
    void theDocumentShowsNeitherTheServicesKeySetNorWhereTheServiceListens() throws Exception {
        String text = json.writeValueAsString(document());

        assertThat(text)
                .doesNotContain("/.well-known")
                .doesNotContain("/internal/")
                .doesNotContain("/actuator")
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost");
    }

    @Test
    void theDocumentIsOpenApi31WithTheProjectVersionAndItsLicence() throws Exception {
        JsonNode doc = document();

        assertThat(headProblems(doc, "lead360 analytics API")).isEmpty();
        JsonNode info = doc.get("info");
        assertThat(info.get("contact").get("name").asString()).isNotBlank();
    }

    @Test
    void everyOperationSaysWhatItDoesWhoMayCallItAndAnswersErrorsAsProblems() throws Exception {
        List<String> wrong = new ArrayList<>();
        operations(document()).forEach((name, op) -> {
            if (!op.path("security").toString().equals("[{\"bearer\":[]}]")) {
                wrong.add(name + ": security " + op.path("security"));
            }
            JsonNode responses = op.get("responses");
            for (String always : List.of("401", "503")) {
                if (!responses.has(always)) {
                    wrong.add(name + ": no " + always);
                }
            }
        });

        wrong.addAll(incomplete(document()));
        wrong.addAll(errorsThatAreNotProblems(document()));
        assertThat(wrong).isEmpty();
    }

    /** What the anonymity rules hide is null, and the document says so (a client must not read it as 0). */
    @Test
    void whatTheAnonymityRulesHideIsDocumentedAsNull() throws Exception {
        JsonNode schemas = document().get("components").get("schemas");

        assertThat(schemas.get("LeadershipProfile")
                        .get("properties")
                        .get("responses")
                        .get("additionalProperties")
                        .get("type")
                        .toString())
                .isEqualTo("[\"integer\",\"null\"]");
        assertThat(schemas.get("LeadershipProfile")
                        .get("properties")
                        .get("leadingIndex")
                        .get("type")
                        .toString())
                .isEqualTo("[\"integer\",\"null\"]");
        assertThat(schemas.get("ItemScore")
                        .get("properties")
                        .get("mean")
                        .get("type")
                        .toString())
                .isEqualTo("[\"number\",\"null\"]");
        assertThat(schemas.get("CompetencyScore")
                        .get("properties")
                        .get("byRelationship")
                        .get("additionalProperties")
                        .toString())
                .contains("\"null\"")
                .contains("#/components/schemas/GroupScore");
        assertThat(schemas.get("LeadershipProfile")
                        .get("properties")
                        .get("anonymityThreshold")
                        .get("type")
                        .asString())
                .as("never hidden")
                .isEqualTo("integer");
    }

    @Test
    void theProfileExampleHasTheShapeOfARealProfile() throws Exception {
        JsonNode example = operations(document())
                .get("GET /api/profiles/{subjectId}")
                .get("responses")
                .get("200")
                .get("content")
                .get("application/json")
                .get("examples")
                .get("profile")
                .get("value");
        JsonNode real = releasedProfile();

        assertThat(names(example)).isEqualTo(names(real));
        assertThat(names(example.get("competencies").get(0)))
                .isEqualTo(names(real.get("competencies").get(0)));
        assertThat(names(example.get("items").get(0)))
                .isEqualTo(names(real.get("items").get(0)));
        assertThat(names(example.get("trend").get(0)))
                .isEqualTo(names(real.get("trend").get(0)));
        assertThat(real.get("responses").get("PEER").isNull())
                .as("peers below the threshold, as in the example")
                .isTrue();
        assertThat(example.get("responses").get("PEER").isNull()).isTrue();
    }

    /** A released cycle about one subject: SELF, MANAGER, three direct reports; two peers invited, fewer than k. */
    private JsonNode releasedProfile() throws Exception {
        String cycleId = unique("docs-cycle");
        String subjectId = unique("docs-subject");
        Map<String, Map<Relationship, Integer>> invited =
                Map.of(subjectId, Map.of(SELF, 1, MANAGER, 1, PEER, 2, DIRECT_REPORT, 3));
        publish(cycleOpened(cycleId, 3, invited));
        publish(submission(cycleId, subjectId, SELF, Map.of("t1", 5, "v1", 4), Map.of("start", "self")));
        publish(submission(cycleId, subjectId, MANAGER, Map.of("t1", 3, "v1", 4), Map.of()));
        for (int score = 2; score <= 4; score++) {
            publish(submission(
                    cycleId,
                    subjectId,
                    DIRECT_REPORT,
                    Map.of("t1", score, "v1", 5 - score),
                    Map.of("stop", "x" + score)));
        }
        publish(cycleClosed(cycleId, Map.of(subjectId, Map.of(SELF, 1, MANAGER, 1, PEER, 0, DIRECT_REPORT, 3))));
        publish(resultsReleased(cycleId, List.of(subjectId)));
        String subject = bearer(subjectId, "EMPLOYEE", "LEADER");
        JsonNode[] profile = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> profile[0] = json.readTree(mvc.perform(get("/api/profiles/" + subjectId)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, subject))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString()));
        return profile[0];
    }

    private static Set<String> names(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    private JsonNode document() throws Exception {
        // anonymous: the document is public
        return json.readTree(mvc.perform(get("/api/docs/analytics"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    /** "METHOD /path" of every controller handler; a mapping without methods answers them all. */
    private Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            routes.addAll(OpenApiOperations.routes(info.getMethodsCondition().getMethods(), info.getPatternValues()));
        }
        return routes;
    }
}

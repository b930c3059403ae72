package io.lead360.feedback.it;

import static io.lead360.testsupport.docs.OpenApiOperations.errorsThatAreNotProblems;
import static io.lead360.testsupport.docs.OpenApiOperations.headProblems;
import static io.lead360.testsupport.docs.OpenApiOperations.incomplete;
import static io.lead360.testsupport.docs.OpenApiOperations.operations;
import static io.lead360.testsupport.docs.OpenApiOperations.undocumented;
import static io.lead360.testsupport.docs.OpenApiOperations.unserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.testsupport.docs.OpenApiOperations;
import java.util.ArrayList;
import java.util.List;
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
 * The OpenAPI document ({@code GET /api/docs/feedback}) against the running application: it describes
 * exactly the calls a client can make (no internal endpoint, no call left out), each with what it does,
 * who may make it and how it fails.
 */
class ApiDocsIT extends AbstractIT {

    /** The links in mails: the link's token is the proof, so these need no bearer token (and answer no 401). */
    private static final java.util.Set<String> PUBLIC =
            java.util.Set.of("POST /api/auth/password-reset", "POST /api/auth/password", "POST /api/mail/unsubscribe");

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

        assertThat(routes).as("sanity: the handler mappings were read").contains("POST /api/people/import");
        assertThat(undocumented(
                        document(),
                        routes,
                        path -> path.startsWith("/internal/") || path.equals("/error") || path.startsWith("/api/docs")))
                .as("public routes missing from the document")
                .isEmpty();
    }

    @Test
    void theDocumentShowsNoInternalEndpointAndNotWhereTheServiceListens() throws Exception {
        String text = json.writeValueAsString(document());

        assertThat(text)
                .doesNotContain("/internal/")
                .doesNotContain("subject-keys")
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost");
    }

    @Test
    void theDocumentIsOpenApi31WithTheProjectVersionAndItsLicence() throws Exception {
        JsonNode doc = document();

        assertThat(headProblems(doc, "lead360 feedback API")).isEmpty();
        JsonNode info = doc.get("info");
        assertThat(info.get("contact").get("name").asString()).isNotBlank();
    }

    @Test
    void everyOperationSaysWhatItDoesAndWhoMayCallIt() throws Exception {
        assertThat(incomplete(document()))
                .as("operations without summary, operationId, tag or who may call them")
                .isEmpty();
    }

    @Test
    void everyOperationNeedsABearerTokenAndAnswersErrorsAsProblems() throws Exception {
        List<String> wrong = new ArrayList<>();
        operations(document()).forEach((name, op) -> {
            String security = PUBLIC.contains(name) ? "[]" : "[{\"bearer\":[]}]";
            if (!op.path("security").toString().equals(security)) {
                wrong.add(name + ": security " + op.path("security"));
            }
            JsonNode responses = op.get("responses");
            for (String always : PUBLIC.contains(name) ? List.of("503") : List.of("401", "503")) {
                if (!responses.has(always)) {
                    wrong.add(name + ": no " + always);
                }
            }
            if (op.has("requestBody") && !(responses.has("400") && responses.has("413"))) {
                wrong.add(name + ": a body but no 400 or 413");
            }
        });

        wrong.addAll(errorsThatAreNotProblems(document()));
        assertThat(wrong).isEmpty();
        JsonNode scheme = document().get("components").get("securitySchemes").get("bearer");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        JsonNode problem =
                document().get("components").get("schemas").get("Problem").get("properties");
        assertThat(problem.propertyNames())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
        assertThat(problem.get("errors").get("items").get("properties").propertyNames())
                .containsExactlyInAnyOrder("field", "message", "row");
    }

    /** The published examples are calls the service takes: an administrator's dry run of each import example. */
    @Test
    void theImportExamplesAreImportsTheServiceAccepts() throws Exception {
        JsonNode body = operations(document())
                .get("POST /api/people/import")
                .get("requestBody")
                .get("content");
        JsonNode jsonExample =
                body.get("application/json").get("examples").get("people").get("value");
        String csvExample =
                body.get("text/csv").get("examples").get("csv").get("value").asString();

        JsonNode fromJson = body(postAs(adminToken(), "/api/people/import?dryRun=true", jsonExample.toString())
                .andExpect(status().isOk()));
        JsonNode fromCsv = body(mvc.perform(post("/api/people/import?dryRun=true")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                        .contentType("text/csv")
                        .content(csvExample))
                .andExpect(status().isOk()));

        assertThat(fromJson.get("dryRun").asBoolean()).isTrue();
        assertThat(fromJson.get("created").asInt() + fromJson.get("updated").asInt())
                .isEqualTo(jsonExample.size());
        assertThat(fromCsv.get("created").asInt() + fromCsv.get("updated").asInt())
                .isEqualTo(jsonExample.size());
    }

    @Test
    void theResponseExampleAnswersItemsAndQuestionsOfTheBuiltInQuestionnaire() throws Exception {
        JsonNode example = operations(document())
                .get("POST /api/feedback-requests/{id}/response")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("examples")
                .get("response")
                .get("value");
        JsonNode template = body(
                getAs(personToken("p-" + tag), "/api/templates/leadership-360").andExpect(status().isOk()));
        Set<String> items = new TreeSet<>();
        template.get("competencies")
                .forEach(c -> c.get("items").forEach(i -> items.add(i.get("id").asString())));
        Set<String> questions = new TreeSet<>();
        template.get("openQuestions").forEach(q -> questions.add(q.get("id").asString()));

        assertThat(items).containsAll(example.get("ratings").propertyNames());
        assertThat(questions).containsAll(example.get("comments").propertyNames());
    }

    private JsonNode document() throws Exception {
        // anonymous: the document is public
        return json.readTree(mvc.perform(get("/api/docs/feedback"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    /** "METHOD /path" of every handler method; a mapping without methods answers them all. */
    private Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            routes.addAll(OpenApiOperations.routes(info.getMethodsCondition().getMethods(), info.getPatternValues()));
        }
        return routes;
    }
}

package io.lead360.feedback.it;

import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The service against a real Kafka broker and a real MongoDB-protocol server (containers or the
 * embedded pair), called with tokens signed like the gateway signs them.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AbstractIT {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerProperties(registry);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    protected final TestTokens tokens = TestTokens.get();

    /** Keeps the data of one test apart from the others' in the shared database. */
    protected final String tag = UUID.randomUUID().toString().substring(0, 8);

    protected String email(String local) {
        return local + "-" + tag + "@acme.test";
    }

    protected String adminToken() {
        return tokens.accessToken("admin-" + tag, "admin-" + tag + "@acme.test", "Admin", List.of("EMPLOYEE", "ADMIN"));
    }

    protected String personToken(String personId) {
        return tokens.accessToken(personId, personId + "@acme.test", "Someone", List.of("EMPLOYEE"));
    }

    protected ResultActions getAs(String token, String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    protected ResultActions postAs(String token, String path, Object body) throws Exception {
        var request = post(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

package io.lead360.feedback.audit;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClients;
import io.lead360.service.audit.AuditLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web slice (no MongoDB, no Kafka, no security filters): bad audit queries and bad bodies answer the
 * shared problem shapes. The log's store is never reached: every request here is refused before it.
 */
@WebMvcTest(controllers = {AuditController.class, AuditControllerTest.BodyController.class})
@Import({AuditControllerTest.NoStore.class, AuditControllerTest.BodyController.class})
class AuditControllerTest {

    private static final String INVALID_INPUT = "urn:lead360:problem:invalid-input";

    @Autowired
    MockMvc mvc;

    @Test
    void badQueryParametersAreNamedInOneInvalidInputProblem() throws Exception {
        mvc.perform(get("/api/audit?action=cycle_opened&from=yesterday&to=soon&limit=0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(INVALID_INPUT))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("Invalid audit query"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("action", "from", "to", "limit")))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].row").doesNotExist());
    }

    @Test
    void anEmptyWindowAndAnActionOfAnotherServiceAreRefused() throws Exception {
        mvc.perform(get("/api/audit?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/audit?action=PROFILE_VIEWED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"));
    }

    @Test
    void aParameterTheFilterDoesNotNameIsNeverAPropertyPath() throws Exception {
        mvc.perform(get("/api/audit?actorId[$ne]=x&limit=zero"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("limit")));
    }

    @Test
    void theLogCannotBeWrittenThroughTheApi() throws Exception {
        mvc.perform(post("/api/audit").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                // a status no kind of problem names: the status says it all (no type of lead360's)
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.type").doesNotExist());
    }

    @Test
    void bodiesAreCheckedFieldByField() throws Exception {
        mvc.perform(post("/slice/body").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(INVALID_INPUT))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/slice/body")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"raterId\":\"r\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(INVALID_INPUT))
                .andExpect(jsonPath("$.detail").value("Unknown field: raterId"))
                .andExpect(jsonPath("$.errors[0].field").value("raterId"));
        mvc.perform(post("/slice/body").contentType(MediaType.APPLICATION_JSON).content("{\"name\":{\"$gt\":\"\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Wrong type of value: name"))
                .andExpect(jsonPath("$.errors[0].message").value("has the wrong type"));
    }

    /** A real log on a store that is never reached (no index is created, nothing is read). */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoStore {
        @Bean
        AuditLog auditLog() {
            return new AuditLog(
                    new MongoTemplate(MongoClients.create("mongodb://127.0.0.1:1"), "slice"), Clock.systemUTC());
        }
    }

    record Body(@NotBlank String name) {}

    /** Stands for any controller with a checked body (the advice is the same for all). */
    @RestController
    static class BodyController {
        @PostMapping("/slice/body")
        String accept(@Valid @RequestBody Body body) {
            return body.name();
        }
    }
}

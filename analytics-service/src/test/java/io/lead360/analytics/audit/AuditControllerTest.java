package io.lead360.analytics.audit;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClients;
import io.lead360.service.audit.AuditLog;
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

/**
 * The web slice (no MongoDB, no Kafka, no security filters): bad audit queries and bad bodies answer the
 * same problem shapes as feedback-service's (whose slice checks a bad query field by field) (service-support's advice, whose checks of bodies feedback-service's slice covers). The log's store is never reached: every request here is refused before it.
 */
@WebMvcTest(controllers = AuditController.class)
@Import(AuditControllerTest.NoStore.class)
class AuditControllerTest {

    private static final String INVALID_INPUT = "urn:lead360:problem:invalid-input";

    @Autowired
    MockMvc mvc;

    @Test
    void anEmptyWindowAndAnActionOfAnotherServiceAreRefused() throws Exception {
        mvc.perform(get("/api/audit/reports?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/audit/reports?action=CYCLE_OPENED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"));
    }

    @Test
    void aParameterTheFilterDoesNotNameIsNeverAPropertyPath() throws Exception {
        mvc.perform(get("/api/audit/reports?actorId[$ne]=x&limit=zero"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("limit")));
    }

    @Test
    void theLogCannotBeWrittenThroughTheApi() throws Exception {
        mvc.perform(post("/api/audit/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                // a status no kind of problem names: the status says it all (no type of lead360's)
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.type").doesNotExist());
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
}

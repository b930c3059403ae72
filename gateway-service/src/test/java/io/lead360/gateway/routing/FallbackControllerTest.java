package io.lead360.gateway.routing;

import io.lead360.gateway.web.ProblemWriter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebFilter;

/**
 * The gateway's web slice (no Redis, no routes, no security chain): a service that is away and a bad body
 * answer the problem shapes of service-support's vocabulary.
 */
@WebFluxTest(
        controllers = {FallbackController.class, FallbackControllerTest.BodyController.class},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WebFilter.class))
@Import({ProblemWriter.class, FallbackControllerTest.BodyController.class})
class FallbackControllerTest {

    @Autowired
    WebTestClient client;

    @Test
    void aServiceThatIsAwayIsA503OfItsOwnKind() {
        client.get()
                .uri("/fallback/analytics-service")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:lead360:problem:service-unavailable")
                .jsonPath("$.title")
                .isEqualTo("Service unavailable")
                .jsonPath("$.detail")
                .isEqualTo("analytics-service is unavailable");
    }

    @Test
    void aBadBodyNamesEachInvalidField() {
        client.post()
                .uri("/slice/body")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:lead360:problem:invalid-input")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.detail")
                .isEqualTo("The request has invalid fields")
                .jsonPath("$.errors[0].field")
                .isEqualTo("email")
                .jsonPath("$.errors[0].message")
                .isNotEmpty()
                .jsonPath("$.errors[0].row")
                .doesNotExist();
    }

    record Body(@NotBlank String email) {}

    /** Stands for any controller with a checked body (the advice is the same for all). */
    @RestController
    static class BodyController {
        @PostMapping("/slice/body")
        String accept(@Valid @RequestBody Body body) {
            return body.email();
        }
    }
}

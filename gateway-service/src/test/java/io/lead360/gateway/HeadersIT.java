package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The security headers on every response and CORS closed to foreign origins. */
class HeadersIT extends AbstractIT {

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoHstsOverPlainHttp() {
        String token = personToken();
        List<WebTestClient.ResponseSpec> responses = List.of(
                client.get().uri("/").exchange(),
                client.get()
                        .uri("/api/people")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange(),
                client.get().uri("/api/people").exchange(),
                client.get().uri("/no-such-page").exchange(),
                signIn("lea@acme.test", "wrong"));
        for (WebTestClient.ResponseSpec response : responses) {
            response.expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader()
                    .value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"))
                    .expectHeader()
                    .doesNotExist("Strict-Transport-Security");
        }
    }

    @Test
    void corsStaysClosedToForeignOrigins() {
        String token = personToken();
        client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ORIGIN, "https://evil.test")
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        for (String path : List.of("/api/people", "/api/auth/token", "/api/cycles")) {
            client.options()
                    .uri(path)
                    .header(HttpHeaders.ORIGIN, "https://evil.test")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                    .exchange()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
        }
        client.post()
                .uri("/api/auth/token")
                .header(HttpHeaders.ORIGIN, "https://evil.test")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "lea@acme.test", "password", "lea-secret"))
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}

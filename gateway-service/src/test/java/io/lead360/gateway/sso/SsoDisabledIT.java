package io.lead360.gateway.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without any client registration the gateway offers no single sign-on and its endpoints do not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT20S")
class SsoDisabledIT {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        try {
            String keyFile = Files.createTempDirectory("lead360-sso-off")
                    .resolve("key.pem")
                    .toString();
            registry.add("lead360.auth.signing-key-file", () -> keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    WebTestClient client;

    @Test
    void noProviderIsOffered() {
        client.get()
                .uri("/api/auth/providers")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("[]");
    }

    @Test
    void theSingleSignOnEndpointsAre404Problems() {
        for (String path : List.of("/oauth2/authorization/keycloak", "/login/oauth2/code/keycloak?code=c&state=s")) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}

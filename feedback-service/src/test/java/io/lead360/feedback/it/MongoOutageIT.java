package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.feedback.auth.Sessions;
import io.lead360.infra.EmbeddedMongo;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * MongoDB goes away: callers get a quick 503 problem+json (not a 500, not a 30 s hang), and the
 * service answers again by itself when it is back. A MongoDB-wire server of its own, which the test
 * stops and starts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class MongoOutageIT {

    private static final EmbeddedMongo MONGO = startMongo();

    // not AbstractIT: its registration of the shared MongoDB would win over this one
    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::connectionString);
        registry.add(
                "spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrap());
        registry.add("lead360.auth.jwks-uri", () -> TestTokens.get().jwksUri());
        registry.add("spring.mail.host", () -> TestInfrastructure.get().mail().host());
        registry.add("spring.mail.port", () -> TestInfrastructure.get().mail().smtpPort());
        TestSettings.registerKeys(registry);
        TestSettings.registerMail(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Sessions sessions;

    @AfterAll
    static void bringTheStoreBack() {
        MONGO.start();
    }

    @Test
    void whileMongoDbIsAwayCallsGetAQuick503AndTheServiceRecoversWithoutARestart() throws Exception {
        String admin = "Bearer "
                + TestTokens.get()
                        .accessToken(
                                "outage-admin",
                                "outage-admin@acme.test",
                                "Admin",
                                List.of("EMPLOYEE", "ADMIN"),
                                sessions.start("outage-admin").sessionId());
        mvc.perform(get("/api/cycles").header(HttpHeaders.AUTHORIZATION, admin)).andExpect(status().isOk());

        MONGO.stop();
        long started = System.nanoTime();
        mvc.perform(get("/api/cycles").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(503));
        assertThat((System.nanoTime() - started) / 1_000_000).as("fails fast").isLessThan(5_000);

        MONGO.start();
        mvc.perform(get("/api/cycles").header(HttpHeaders.AUTHORIZATION, admin)).andExpect(status().isOk());
    }

    private static EmbeddedMongo startMongo() {
        try {
            EmbeddedMongo mongo = new EmbeddedMongo(Files.createTempDirectory("mongo-outage-it"), 0);
            mongo.start();
            return mongo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

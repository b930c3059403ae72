package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway served over TLS (a self-signed certificate made by the JDK's keytool for this test)
 * sends Strict-Transport-Security; over plain HTTP it must not (GatewayIT checks that side).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HstsOverTlsIT {

    private static final String PASSWORD = "test-only-keystore";
    private static final Path dir = tempDir();
    private static final Path keystore = createKeystore();
    private static final FeedbackStandIn feedback = new FeedbackStandIn();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> keystore.toUri().toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> PASSWORD);
        registry.add("lead360.routes.feedback-uri", feedback::uri);
        registry.add(
                "lead360.auth.signing-key-file", () -> dir.resolve("jwt.pem").toString());
    }

    @AfterAll
    static void stop() {
        feedback.close();
    }

    @LocalServerPort
    int port;

    @Test
    void everyAnswerOverHttpsCarriesStrictTransportSecurity() throws Exception {
        WebTestClient https = httpsClient();

        for (String path : new String[] {"/", "/api/people", "/.well-known/jwks.json"}) {
            https.get()
                    .uri(path)
                    .exchange()
                    .expectHeader()
                    .value(
                            "Strict-Transport-Security",
                            hsts -> assertThat(hsts)
                                    .contains("max-age=31536000")
                                    .contains("includeSubDomains"));
        }
    }

    private WebTestClient httpsClient() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        HttpClient client = HttpClient.create()
                .secure(tls -> tls.sslContext(
                        Http11SslContextSpec.forClient().configure(builder -> builder.trustManager(trust))));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client))
                .baseUrl("https://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(20))
                .build();
    }

    private static Path createKeystore() {
        Path file = dir.resolve("tls.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        try {
            Process process = new ProcessBuilder(
                            keytool,
                            "-genkeypair",
                            "-alias",
                            "lead360",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "2",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            file.toString(),
                            "-storepass",
                            PASSWORD)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lead360-tls-it");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

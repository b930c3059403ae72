package io.lead360.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TestInfrastructureTest {

    @Test
    void mongoAndKafkaAnswer() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();

        assertThat(TestInfrastructure.get()).isSameAs(infra);
        try (MongoClient client = MongoClients.create(infra.mongoUri())) {
            var items = client.getDatabase("test_support").getCollection("items");
            items.insertOne(new Document("_id", "a").append("n", 1));
            assertThat(items.find(new Document("_id", "a")).first()).containsEntry("n", 1);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void accessTokenVerifiesAgainstTheServedJwksLikeAResourceServerChecksIt() {
        TestTokens tokens = TestTokens.get();

        Jwt jwt = resourceServerDecoder(tokens)
                .decode(tokens.accessToken("person-1", "ada@example.org", "Ada", List.of("EMPLOYEE", "LEADER")));

        assertThat(jwt.getSubject()).isEqualTo("person-1");
        assertThat(jwt.getAudience()).containsExactly("lead360-api");
        assertThat(jwt.getClaimAsString("email")).isEqualTo("ada@example.org");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Ada");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("EMPLOYEE", "LEADER");
        assertThat(jwt.getExpiresAt())
                .isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
        assertThat(jwt.getHeaders()).containsEntry("kid", tokens.key().getKeyID());
    }

    @Test
    void serviceTokenIsTheGatewayWithTheServiceRole() {
        TestTokens tokens = TestTokens.get();

        Jwt jwt = resourceServerDecoder(tokens).decode(tokens.serviceToken());

        assertThat(jwt.getSubject()).isEqualTo("gateway-service");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SERVICE");
        assertThat(jwt.getExpiresAt()).isBefore(Instant.now().plusSeconds(61));
    }

    @Test
    void tokensWithTheWrongAudienceOrAlreadyExpiredAreRejected() {
        TestTokens tokens = TestTokens.get();
        NimbusJwtDecoder decoder = resourceServerDecoder(tokens);
        Instant now = Instant.now();

        String wrongAudience = tokens.sign(new JWTClaimsSet.Builder()
                .issuer("lead360")
                .audience("someone-else")
                .subject("p")
                .expirationTime(Date.from(now.plusSeconds(60)))
                .build());
        String expired = tokens.sign(new JWTClaimsSet.Builder()
                .issuer("lead360")
                .audience("lead360-api")
                .subject("p")
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1))))
                .build());

        assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode(wrongAudience));
        assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode(expired));
    }

    /** Built the way the services build theirs (see ARCHITECTURE.md, Identity). */
    private static NimbusJwtDecoder resourceServerDecoder(TestTokens tokens) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(tokens.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer("lead360"),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("lead360-api"))));
        return decoder;
    }
}

package io.lead360.analytics.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.lead360.service.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * analytics-service's token for feedback-service's key endpoint, signed with analytics' own key
 * (published at {@code /.well-known/jwks.json}). Short-lived; one is reused until half its lifetime
 * has passed, as the gateway does, since an RSA signature per call would cost more than the call.
 */
final class ServiceToken {

    static final String ISSUER = "lead360-analytics";
    static final String AUDIENCE = "lead360-feedback";
    static final String SUBJECT = "analytics-service";
    static final String ROLE = "SERVICE";

    private final JwtEncoder encoder;
    private final String keyId;
    private final Clock clock;
    private final Duration lifetime;
    private volatile Issued current;

    ServiceToken(SigningKey key, Clock clock, Duration lifetime) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.privateJwk())));
        this.keyId = key.keyId();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String value() {
        Issued issued = current;
        Instant now = clock.instant();
        if (issued != null && now.isBefore(issued.renewAt())) {
            return issued.value();
        }
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(SUBJECT)
                .claim("roles", List.of(ROLE))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keyId)
                .type("JWT")
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        current = new Issued(value, now.plus(lifetime.dividedBy(2)));
        return value;
    }

    private record Issued(String value, Instant renewAt) {}
}

package io.lead360.gateway.token;

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

/** Signs the two kinds of lead360 tokens: access tokens for people and the gateway's own service token. */
public final class TokenIssuer {

    public static final String ISSUER = "lead360";
    public static final String AUDIENCE = "lead360-api";
    public static final String SERVICE_SUBJECT = "gateway-service";
    public static final String SERVICE_ROLE = "SERVICE";

    private final JwtEncoder encoder;
    private final String keyId;
    private final Clock clock;
    private final Duration accessTokenTtl;
    private final Duration serviceTokenTtl;
    private volatile CachedToken serviceToken;

    public TokenIssuer(SigningKey key, Clock clock, Duration accessTokenTtl, Duration serviceTokenTtl) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.privateJwk())));
        this.keyId = key.keyId();
        this.clock = clock;
        this.accessTokenTtl = accessTokenTtl;
        this.serviceTokenTtl = serviceTokenTtl;
    }

    /** Claim naming the sign-in session; the session must still be live for the token to be accepted. */
    public static final String SESSION_CLAIM = "sid";

    public IssuedToken accessToken(VerifiedPerson person) {
        if (person.session() == null
                || person.session().id() == null
                || person.session().id().isBlank()) {
            throw new IllegalArgumentException("an access token needs a sign-in session");
        }
        JwtClaimsSet.Builder claims = baseClaims(person.id(), accessTokenTtl)
                .claim(SESSION_CLAIM, person.session().id())
                .claim("email", person.email())
                .claim("name", person.name())
                .claim("roles", person.roles() == null ? List.of() : List.copyOf(person.roles()));
        return new IssuedToken(sign(claims), accessTokenTtl);
    }

    /**
     * The gateway's token for feedback-service's internal endpoints. One is reused until half its
     * lifetime has passed: the session check calls feedback-service on every request, and an RSA
     * signature per call would cost more than the call itself.
     */
    public String serviceToken() {
        CachedToken cached = serviceToken;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.value();
        }
        String value = sign(baseClaims(SERVICE_SUBJECT, serviceTokenTtl).claim("roles", List.of(SERVICE_ROLE)));
        serviceToken = new CachedToken(value, now.plus(serviceTokenTtl.dividedBy(2)));
        return value;
    }

    private record CachedToken(String value, Instant renewAt) {}

    private JwtClaimsSet.Builder baseClaims(String subject, Duration ttl) {
        Instant now = clock.instant();
        return JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(ttl));
    }

    private String sign(JwtClaimsSet.Builder claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keyId)
                .type("JWT")
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public record IssuedToken(String value, Duration lifetime) {}
}

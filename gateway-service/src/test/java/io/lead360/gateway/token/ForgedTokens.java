package io.lead360.gateway.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.lead360.service.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Tokens signed with a real key but with claims the gateway would never issue, for the tamper tests. */
public final class ForgedTokens {

    private ForgedTokens() {}

    /** A person token like the gateway's, with {@code changes} applied to its claims (a null value removes one). */
    public static String sign(SigningKey key, Map<String, Object> changes) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(TokenIssuer.ISSUER)
                .audience(List.of(TokenIssuer.AUDIENCE))
                .subject("p-lea")
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10)))
                .claim("roles", List.of("EMPLOYEE"))
                .claim(TokenIssuer.SESSION_CLAIM, "s-lea");
        claims.claims(map -> changes.forEach((name, value) -> {
            if (value == null) {
                map.remove(name);
            } else {
                map.put(name, value);
            }
        }));
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.privateJwk())));
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256)
                                .keyId(key.keyId())
                                .build(),
                        claims.build()))
                .getTokenValue();
    }
}

package io.lead360.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tokens signed with a real key but with claims the gateway would never issue, for the tamper tests. */
public final class ForgedTokens {

    private ForgedTokens() {}

    /**
     * A person token like the gateway's (Lea, session {@code s-lea}, ten minutes), signed RS256 with {@code key}
     * under its key id, with {@code changes} applied to its claims (a null value removes one).
     */
    public static String sign(RSAKey key, Map<String, Object> changes) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TestTokens.ISSUER);
        claims.put("aud", List.of(TestTokens.AUDIENCE));
        claims.put("sub", "p-lea");
        claims.put("iat", now);
        claims.put("exp", now.plus(Duration.ofMinutes(10)));
        claims.put("roles", List.of("EMPLOYEE"));
        claims.put("sid", "s-lea");
        changes.forEach((name, value) -> {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
        });
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
        claims.forEach((name, value) -> set.claim(name, value instanceof Instant instant ? Date.from(instant) : value));
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}

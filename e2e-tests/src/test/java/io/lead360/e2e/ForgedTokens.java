package io.lead360.e2e;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens an attacker would try: unsigned, signed with another key, HMAC-signed with the public key
 * (algorithm confusion), and, with the gateway's real key, tokens that are expired, for another
 * audience, or without a live session.
 */
final class ForgedTokens {

    private final RSAKey realKey;

    private ForgedTokens(RSAKey realKey) {
        this.realKey = realKey;
    }

    /** Reads the gateway's PKCS#8 signing key, as an operator (or a thief of the key file) could. */
    static ForgedTokens withKeyOf(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(text)));
        RSAPublicKey pub =
                (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
        return new ForgedTokens(
                new RSAKey.Builder(pub).privateKey(priv).keyIDFromThumbprint().build());
    }

    String signed(String subject, List<String> roles, String sessionId, String audience, Duration validFor)
            throws Exception {
        return sign(realKey, claims(subject, roles, sessionId, audience, validFor));
    }

    /** Same claims and the real key id, another private key: the signature cannot verify. */
    String signedWithAnotherKey(String subject, List<String> roles, String sessionId) throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID(realKey.getKeyID()).generate();
        return sign(other, claims(subject, roles, sessionId, "lead360-api", Duration.ofMinutes(5)));
    }

    String unsigned(String subject, List<String> roles, String sessionId) {
        return new PlainJWT(new PlainHeader(), claims(subject, roles, sessionId, "lead360-api", Duration.ofMinutes(5)))
                .serialize();
    }

    /** The classic algorithm confusion: HS256 keyed with the (public) RSA key's encoding. */
    String hmacWithPublicKey(String subject, List<String> roles, String sessionId) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(realKey.getKeyID())
                        .build(),
                claims(subject, roles, sessionId, "lead360-api", Duration.ofMinutes(5)));
        jwt.sign(new MACSigner(realKey.toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(
            String subject, List<String> roles, String sessionId, String audience, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer("lead360")
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles);
        if (sessionId != null) {
            claims.claim("sid", sessionId);
        }
        return claims.build();
    }
}

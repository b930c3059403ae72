package io.lead360.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Mints tokens the way the gateway does (RS256, iss {@code lead360}, aud {@code lead360-api}) with
 * one RSA key per JVM, whose public half is served as a JWKS on loopback for resource servers; and,
 * with {@link #analyticsService()}, the way analytics-service mints its own service tokens for
 * feedback-service's subject keys (its own key and JWKS).
 */
public final class TestTokens {

    public static final String ISSUER = "lead360";
    public static final String AUDIENCE = "lead360-api";
    public static final String SERVICE_SUBJECT = "gateway-service";
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final Duration SERVICE_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final String JWKS_PATH = "/.well-known/jwks.json";

    public static final String ANALYTICS_ISSUER = "lead360-analytics";
    public static final String ANALYTICS_AUDIENCE = "lead360-feedback";
    public static final String ANALYTICS_SUBJECT = "analytics-service";

    private static TestTokens instance;
    private static TestTokens analytics;

    private final RSAKey key;
    private final RSASSASigner signer;
    private final String jwksUri;
    private final String issuer;
    private final String audience;
    private final String serviceSubject;

    private TestTokens(RSAKey key, String jwksUri, String issuer, String audience, String serviceSubject)
            throws JOSEException {
        this.key = key;
        this.signer = new RSASSASigner(key);
        this.jwksUri = jwksUri;
        this.issuer = issuer;
        this.audience = audience;
        this.serviceSubject = serviceSubject;
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = create(ISSUER, AUDIENCE, SERVICE_SUBJECT);
        }
        return instance;
    }

    /** Tokens as analytics-service signs them for feedback-service's subject keys (iss lead360-analytics). */
    public static synchronized TestTokens analyticsService() {
        if (analytics == null) {
            analytics = create(ANALYTICS_ISSUER, ANALYTICS_AUDIENCE, ANALYTICS_SUBJECT);
        }
        return analytics;
    }

    private static TestTokens create(String issuer, String audience, String serviceSubject) {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            return new TestTokens(key, serveJwks(key), issuer, audience, serviceSubject);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create the test signing key", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/.well-known/jwks.json}. */
    public String jwksUri() {
        return jwksUri;
    }

    /** A person's access token, valid for 15 minutes; roles are EMPLOYEE, LEADER, ADMIN. */
    public String accessToken(String personId, String email, String name, List<String> roles) {
        Instant now = Instant.now();
        return sign(baseClaims(personId, now, ACCESS_TOKEN_LIFETIME)
                .claim("email", email)
                .claim("name", name)
                .claim("roles", List.copyOf(roles))
                .build());
    }

    /**
     * A person's access token naming their sign-in session in {@code sid}, as the gateway mints it;
     * services that check sessions accept a token only while that session is live.
     */
    public String accessToken(String personId, String email, String name, List<String> roles, String sessionId) {
        Instant now = Instant.now();
        return sign(baseClaims(personId, now, ACCESS_TOKEN_LIFETIME)
                .claim("email", email)
                .claim("name", name)
                .claim("roles", List.copyOf(roles))
                .claim("sid", sessionId)
                .build());
    }

    /** The service token of this issuer (the gateway's for {@code /internal/**}): roles [SERVICE], 60 s. */
    public String serviceToken() {
        return sign(baseClaims(serviceSubject, Instant.now(), SERVICE_TOKEN_LIFETIME)
                .claim("roles", List.of("SERVICE"))
                .build());
    }

    /** Signs arbitrary claims with this key (RS256, kid set), e.g. expired or wrong-audience tokens. */
    public String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign test token", e);
        }
        return jwt.serialize();
    }

    /** The key pair (private included), e.g. to build a decoder without HTTP. */
    public RSAKey key() {
        return key;
    }

    private JWTClaimsSet.Builder baseClaims(String subject, Instant now, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)));
    }

    private static String serveJwks(RSAKey key) {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(JWKS_PATH, exchange -> {
                try (exchange) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(jwks);
                    }
                }
            });
            // Daemon threads: the server must never keep a test JVM alive.
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "lead360-test-jwks");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test JWKS", e);
        }
    }
}

package io.lead360.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in and the public key set: the only /api endpoint the gateway answers itself. */
@RestController
class AuthController {

    private final FeedbackCredentialsClient credentials;
    private final TokenIssuer tokens;
    private final SigningKey signingKey;
    private final Clock clock;

    AuthController(FeedbackCredentialsClient credentials, TokenIssuer tokens, SigningKey signingKey, Clock clock) {
        this.clock = clock;
        this.credentials = credentials;
        this.tokens = tokens;
        this.signingKey = signingKey;
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccessTokenResponse> issueToken(@Valid @RequestBody SignInRequest request) {
        return credentials.verify(request)
                .map(person -> AccessTokenResponse.bearer(tokens.accessToken(person), person.session(), clock));
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(signingKey.publicKeySet().toJSONObject());
    }
}

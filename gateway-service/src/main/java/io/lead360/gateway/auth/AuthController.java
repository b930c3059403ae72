package io.lead360.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Sign-in, refresh, sign-out and the public key set: the /api endpoints the gateway answers itself. */
@RestController
class AuthController {

    private final FeedbackCredentialsClient credentials;
    private final TokenIssuer tokens;
    private final SigningKeys signingKeys;
    private final SignInThrottle throttle;
    private final ClientAddress clientAddress;
    private final LiveSessions sessions;
    private final Clock clock;

    AuthController(FeedbackCredentialsClient credentials, TokenIssuer tokens, SigningKeys signingKeys,
            SignInThrottle throttle, ClientAddress clientAddress, LiveSessions sessions, Clock clock) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.signingKeys = signingKeys;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.sessions = sessions;
        this.clock = clock;
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccessTokenResponse> issueToken(@Valid @RequestBody SignInRequest request, ServerWebExchange exchange) {
        String address = clientAddress.of(exchange);
        // a lock answers before feedback-service is asked, so it looks the same for every email
        // and even the right password does not get through
        var locked = throttle.lockedFor(request.email(), address);
        if (locked.isPresent()) {
            return Mono.error(new SignInLockedException(locked.get()));
        }
        return credentials.verify(request)
                .doOnNext(person -> throttle.recordSuccess(request.email()))
                .onErrorResume(InvalidCredentialsException.class, rejected -> {
                    Duration delay = throttle.recordFailure(request.email(), address);
                    // held back without holding a thread: Mono.delay runs on a timer
                    return Mono.delay(delay).then(Mono.error(rejected));
                })
                .map(person -> AccessTokenResponse.bearer(tokens.accessToken(person), person.session(), clock));
    }

    @PostMapping(path = "/api/auth/refresh", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccessTokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return credentials.refresh(request.refreshToken())
                .map(person -> AccessTokenResponse.bearer(tokens.accessToken(person), person.session(), clock));
    }

    @PostMapping("/api/auth/sign-out")
    Mono<ResponseEntity<Void>> signOut(@AuthenticationPrincipal Jwt token) {
        return sessions.end(token.getClaimAsString(TokenIssuer.SESSION_CLAIM), token.getSubject())
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(signingKeys.publicKeySet().toJSONObject());
    }
}

package io.lead360.gateway.signin;

import io.lead360.gateway.token.AccessTokenResponse;
import io.lead360.gateway.token.SignInApi;
import io.lead360.gateway.token.TokenIssuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sign-in with email and password (POST /api/auth/token): throttled, checked by feedback-service,
 * answered with an access token and the session's first refresh token.
 */
@RestController
@Tag(name = SignInApi.TAG, description = SignInApi.DESCRIPTION)
class SignInController {

    static final String SIGN_IN_EXAMPLE = """
            {"email":"lea.park@acme.test","password":"correct horse battery staple"}""";
    /** Not a real token: the signature part is the word "signature". */
    static final String TOKEN_EXAMPLE = """
            {"accessToken":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI4ZjdjMmE1MSJ9.c2lnbmF0dXJl","tokenType":"Bearer",
             "expiresIn":900,"refreshToken":"q3ZbN0m2Vx8Yt5Lp1Rk7Hs4Wd9Fg6Ja","refreshExpiresIn":43200}""";

    private final FeedbackCredentialsClient credentials;
    private final TokenIssuer tokens;
    private final SignInThrottle throttle;
    private final ClientAddress clientAddress;
    private final Clock clock;

    SignInController(
            FeedbackCredentialsClient credentials,
            TokenIssuer tokens,
            SignInThrottle throttle,
            ClientAddress clientAddress,
            Clock clock) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    @Operation(
            operationId = "signIn",
            summary = "Sign in",
            description = "Exchanges an email and password for an access token and a refresh token, starting a "
                    + "session. Every refusal is the same 401, whether the email is unknown, the password wrong or the "
                    + "person deactivated. After 3 failures for an email each further one is answered after a growing "
                    + "delay; 5 failures in 15 minutes lock the email for 15 minutes (429, whether or not it exists), "
                    + "and the same per client address after 20. Who may call it: anyone (no token).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = SignInRequest.class),
                                            examples = @ExampleObject(name = "sign-in", value = SIGN_IN_EXAMPLE))))
    @SecurityRequirements
    @ApiResponse(
            responseCode = "200",
            description = "Signed in",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AccessTokenResponse.class),
                            examples = @ExampleObject(name = "tokens", value = TOKEN_EXAMPLE)))
    @ApiResponse(responseCode = "401", description = "Invalid email or password")
    @ApiResponse(
            responseCode = "429",
            description = "Too many sign-ins: the email or the client address is locked, "
                    + "or its rate limit is reached; try again after `Retry-After` seconds")
    @ApiResponse(responseCode = "503", description = "feedback-service, which checks the password, is unavailable")
    @ApiResponse(responseCode = "406", description = "The request's `Accept` rules out JSON")
    @PostMapping(
            path = "/api/auth/token",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccessTokenResponse> issueToken(@Valid @RequestBody SignInRequest request, ServerWebExchange exchange) {
        String address = clientAddress.of(exchange);
        // a lock answers before feedback-service is asked, so it looks the same for every email
        // and even the right password does not get through
        var locked = throttle.lockedFor(request.email(), address);
        if (locked.isPresent()) {
            return Mono.error(new SignInLockedException(locked.get()));
        }
        return credentials
                .verify(request)
                .doOnNext(person -> throttle.recordSuccess(request.email()))
                .onErrorResume(InvalidCredentialsException.class, rejected -> {
                    Duration delay = throttle.recordFailure(request.email(), address);
                    // held back without holding a thread: Mono.delay runs on a timer
                    return Mono.delay(delay).then(Mono.error(rejected));
                })
                .map(person -> AccessTokenResponse.bearer(tokens.accessToken(person), person.session(), clock));
    }
}

package io.lead360.gateway.session;

import io.lead360.gateway.signin.FeedbackCredentialsClient;
import io.lead360.gateway.token.AccessTokenResponse;
import io.lead360.gateway.token.SignInApi;
import io.lead360.gateway.token.TokenIssuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A session after sign-in: refreshing its tokens (POST /api/auth/refresh) and ending it (POST /api/auth/sign-out). */
@RestController
@Tag(name = SignInApi.TAG, description = SignInApi.DESCRIPTION)
class SessionController {

    private final FeedbackCredentialsClient credentials;
    private final TokenIssuer tokens;
    private final LiveSessions sessions;
    private final Clock clock;

    SessionController(FeedbackCredentialsClient credentials, TokenIssuer tokens, LiveSessions sessions, Clock clock) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Operation(
            operationId = "refresh",
            summary = "Refresh the access token",
            description = "A new access token and a new refresh token for the same session; the old refresh token is "
                    + "spent. Using a refresh token a second time ends its whole session. The person's roles are read "
                    + "again. Who may call it: anyone holding a refresh token (no access token needed).")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Refreshed")
    @ApiResponse(
            responseCode = "401",
            description = "The refresh token is unknown, expired, revoked or already used, "
                    + "or the person is no longer active")
    @ApiResponse(responseCode = "503", description = "feedback-service, which keeps the sessions, is unavailable")
    @ApiResponse(responseCode = "406", description = "The request's `Accept` rules out JSON")
    @PostMapping(
            path = "/api/auth/refresh",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccessTokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return credentials
                .refresh(request.refreshToken())
                .map(person -> AccessTokenResponse.bearer(tokens.accessToken(person), person.session(), clock));
    }

    @Operation(
            operationId = "signOut",
            summary = "Sign out",
            description = "Ends the token's session: its access and refresh tokens stop working at once. Who may call "
                    + "it: anyone signed in.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    @ApiResponse(responseCode = "503", description = "feedback-service, which keeps the sessions, is unavailable")
    @PostMapping("/api/auth/sign-out")
    Mono<ResponseEntity<Void>> signOut(@AuthenticationPrincipal Jwt token) {
        return sessions.end(token.getClaimAsString(TokenIssuer.SESSION_CLAIM), token.getSubject())
                .thenReturn(ResponseEntity.noContent().build());
    }
}

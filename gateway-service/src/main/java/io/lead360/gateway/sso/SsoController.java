package io.lead360.gateway.sso;

import io.lead360.gateway.token.AccessTokenResponse;
import io.lead360.gateway.token.TokenIssuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The sign-in page's side of single sign-on: which providers there are, and the code exchange. */
@RestController
@Tag(
        name = "Single sign-on",
        description =
                "Signing in with an OpenID Connect provider: the browser starts at a "
                        + "provider's `loginUrl`, lands on `/#sso=<code>` and exchanges the code for tokens. SSO never creates people")
class SsoController {

    private final SsoProviders providers;
    private final FeedbackSsoClient feedback;
    private final TokenIssuer tokens;
    private final Clock clock;

    SsoController(SsoProviders providers, FeedbackSsoClient feedback, TokenIssuer tokens, Clock clock) {
        this.providers = providers;
        this.feedback = feedback;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Operation(
            operationId = "listSsoProviders",
            summary = "The single sign-on providers",
            description = "The configured OpenID Connect providers with the address that starts a sign-in with each "
                    + "(`/oauth2/authorization/{id}`); empty without SSO. Who may call it: anyone (no token).")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The providers")
    @ApiResponse(responseCode = "406", description = "The request's `Accept` rules out JSON")
    @GetMapping(path = "/api/auth/providers", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SsoProviders.Provider> providers() {
        return providers.list();
    }

    @Operation(
            operationId = "exchangeSsoCode",
            summary = "Exchange a single sign-on code for tokens",
            description = "The code the browser found in `/#sso=<code>` after a provider verified the person's email; "
                    + "it works once, for 60 seconds, and starts a session like a sign-in. Who may call it: anyone "
                    + "holding a code (no token).")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Signed in")
    @ApiResponse(responseCode = "401", description = "The code is unknown, expired or already used")
    @ApiResponse(responseCode = "503", description = "feedback-service, which keeps the sessions, is unavailable")
    @ApiResponse(responseCode = "406", description = "The request's `Accept` rules out JSON")
    @PostMapping(
            path = "/api/auth/sso/token",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccessTokenResponse> exchangeCode(@Valid @RequestBody CodeRequest request) {
        return feedback.redeem(request.code())
                .map(person -> AccessTokenResponse.bearer(tokens.accessToken(person), person.session(), clock));
    }

    /** Body of POST /api/auth/sso/token: the code the browser found in {@code #sso=}. */
    record CodeRequest(@NotBlank @Size(max = 512) String code) {

        @Override
        public String toString() {
            return "CodeRequest[]"; // the code signs someone in: never logged
        }
    }
}

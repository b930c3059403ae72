package io.lead360.gateway.sso;

import java.time.Clock;
import java.util.List;

import io.lead360.gateway.auth.AccessTokenResponse;
import io.lead360.gateway.auth.TokenIssuer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sign-in page's side of single sign-on: which providers there are, and the code exchange. */
@RestController
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

    @GetMapping(path = "/api/auth/providers", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SsoProviders.Provider> providers() {
        return providers.list();
    }

    @PostMapping(path = "/api/auth/sso/token", consumes = MediaType.APPLICATION_JSON_VALUE,
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

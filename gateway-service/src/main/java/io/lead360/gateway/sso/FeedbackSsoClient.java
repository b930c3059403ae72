package io.lead360.gateway.sso;

import io.lead360.gateway.signin.FeedbackCredentialsClient;
import io.lead360.gateway.signin.ServiceUnavailableException;
import io.lead360.gateway.token.TokenIssuer;
import io.lead360.gateway.token.VerifiedPerson;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * feedback-service's side of single sign-on: it alone knows the people, so it turns a provider-verified
 * email into a single-use code and the code into a sign-in session. The gateway never creates people.
 */
class FeedbackSsoClient {

    static final String SERVICE_NAME = "feedback-service";
    static final String CODE_PATH = "/internal/auth/sso";
    static final String REDEEM_PATH = "/internal/auth/sso/redeem";

    private final WebClient webClient;
    private final TokenIssuer tokens;
    private final Duration responseTimeout;

    FeedbackSsoClient(
            URI feedbackUri,
            TokenIssuer tokens,
            Duration connectTimeout,
            Duration responseTimeout,
            ObservationRegistry observations) {
        this.webClient =
                FeedbackCredentialsClient.webClient(feedbackUri, connectTimeout, responseTimeout, observations);
        this.tokens = tokens;
        this.responseTimeout = responseTimeout;
    }

    /**
     * A single-use sign-in code for the active person with this email (matched case-insensitively by
     * feedback-service); {@link NotRegisteredException} when there is none.
     */
    Mono<String> issueCode(String email) {
        return post(CODE_PATH, Map.of("email", email), CodeAnswer.class)
                .onErrorMap(WebClientResponseException.class, e -> isRefusal(e) ? new NotRegisteredException() : e)
                .flatMap(answer -> answer.code() == null || answer.code().isBlank()
                        ? Mono.error(new IllegalStateException("sso answered without a code"))
                        : Mono.just(answer.code()))
                .onErrorMap(
                        e -> !(e instanceof NotRegisteredException),
                        e -> new ServiceUnavailableException(SERVICE_NAME, e));
    }

    /** The person and their new session for a code; {@link InvalidSsoCodeException} when the code does not work. */
    Mono<VerifiedPerson> redeem(String code) {
        return post(REDEEM_PATH, Map.of("code", code), VerifiedPerson.class)
                .onErrorMap(WebClientResponseException.class, e -> isRefusal(e) ? new InvalidSsoCodeException() : e)
                .flatMap(person -> person.id() == null || person.id().isBlank() || person.session() == null
                        ? Mono.error(new IllegalStateException("sso redeem answered without a person or session"))
                        : Mono.just(person))
                .onErrorMap(
                        e -> !(e instanceof InvalidSsoCodeException),
                        e -> new ServiceUnavailableException(SERVICE_NAME, e));
    }

    private <T> Mono<T> post(String path, Object body, Class<T> answer) {
        return webClient
                .post()
                .uri(path)
                .headers(h -> h.setBearerAuth(tokens.serviceToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .bodyToMono(answer)
                .timeout(responseTimeout.plusSeconds(1));
    }

    // 401 is the contract's "no"; 400 (a value it cannot even parse) means the same to the caller.
    // 403 would be our own service token refused: the gateway's problem, reported as unavailable.
    private static boolean isRefusal(WebClientResponseException e) {
        int status = e.getStatusCode().value();
        return status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.BAD_REQUEST.value();
    }

    record CodeAnswer(String code) {
        @Override
        public String toString() {
            return "CodeAnswer[]"; // the code signs someone in: never logged
        }
    }

    /** No active person has the email the provider vouched for. */
    static final class NotRegisteredException extends RuntimeException {
        NotRegisteredException() {
            super("No active person with this email", null, false, false);
        }
    }
}

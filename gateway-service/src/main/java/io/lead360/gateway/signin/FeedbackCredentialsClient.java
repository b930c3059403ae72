package io.lead360.gateway.signin;

import io.lead360.gateway.token.TokenIssuer;
import io.lead360.gateway.token.VerifiedPerson;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * feedback-service's internal sign-in endpoints (see "Internal endpoints" in docs/API.md):
 * credential checks, refresh, and the sessions the access tokens belong to. Every call carries the
 * gateway's short-lived service token.
 */
public class FeedbackCredentialsClient {

    static final String SERVICE_NAME = "feedback-service";
    static final String VERIFY_PATH = "/internal/auth/verify";
    static final String REFRESH_PATH = "/internal/auth/refresh";
    static final String SESSION_PATH = "/internal/auth/sessions/{sid}";
    static final String OBSERVATION = "lead360.gateway.internal.requests";

    private final WebClient webClient;
    private final TokenIssuer tokens;
    private final Duration responseTimeout;

    public FeedbackCredentialsClient(
            URI feedbackUri,
            TokenIssuer tokens,
            Duration connectTimeout,
            Duration responseTimeout,
            ObservationRegistry observations) {
        this.webClient = webClient(feedbackUri, connectTimeout, responseTimeout, observations);
        this.tokens = tokens;
        this.responseTimeout = responseTimeout;
    }

    /**
     * A client of feedback-service's internal endpoints with bounded connect and response times. Its calls
     * are timed and traced as {@value #OBSERVATION}, apart from {@code http.client.requests}: that name
     * belongs to the routed requests, whose timers carry other tags (Prometheus wants one set per name).
     */
    public static WebClient webClient(
            URI feedbackUri, Duration connectTimeout, Duration responseTimeout, ObservationRegistry observations) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        return WebClient.builder()
                .baseUrl(feedbackUri.toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .observationRegistry(observations)
                .observationConvention(new DefaultClientRequestObservationConvention(OBSERVATION))
                .build();
    }

    /**
     * The verified person with a new session, or an {@link InvalidCredentialsException} when
     * feedback-service rejects the pair, or a {@link ServiceUnavailableException} when it cannot tell.
     */
    public Mono<VerifiedPerson> verify(SignInRequest credentials) {
        return person(VERIFY_PATH, credentials, InvalidCredentialsException::new);
    }

    /** The person with their session's next refresh token, or an {@link InvalidRefreshTokenException}. */
    public Mono<VerifiedPerson> refresh(String refreshToken) {
        return person(REFRESH_PATH, Map.of("refreshToken", refreshToken), InvalidRefreshTokenException::new);
    }

    /**
     * Whether the session is live and the person's (204) or not (404); anything else is a
     * {@link ServiceUnavailableException}.
     */
    public Mono<Boolean> isSessionLive(String sessionId, String personId) {
        return webClient
                .get()
                // a template, so that the timer's uri tag names no session and no person
                .uri(SESSION_PATH + "?personId={personId}", sessionId, personId)
                .headers(h -> h.setBearerAuth(tokens.serviceToken()))
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    Mono<Void> drained = response.releaseBody();
                    if (status == HttpStatus.NO_CONTENT.value() || status == HttpStatus.OK.value()) {
                        return drained.thenReturn(true);
                    }
                    if (status == HttpStatus.NOT_FOUND.value()) {
                        return drained.thenReturn(false);
                    }
                    return drained.then(Mono.error(new IllegalStateException("session check answered " + status)));
                })
                .timeout(responseTimeout.plusSeconds(1))
                .onErrorMap(
                        error -> !(error instanceof ServiceUnavailableException),
                        error -> new ServiceUnavailableException(SERVICE_NAME, error));
    }

    /** Ends the session; feedback-service answers 204 also when it had already ended. */
    public Mono<Void> endSession(String sessionId) {
        return webClient
                .delete()
                .uri(SESSION_PATH, sessionId)
                .headers(h -> h.setBearerAuth(tokens.serviceToken()))
                .retrieve()
                .toBodilessEntity()
                .timeout(responseTimeout.plusSeconds(1))
                .onErrorMap(error -> new ServiceUnavailableException(SERVICE_NAME, error))
                .then();
    }

    private Mono<VerifiedPerson> person(String path, Object body, Supplier<RuntimeException> rejected) {
        return webClient
                .post()
                .uri(path)
                .headers(h -> h.setBearerAuth(tokens.serviceToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .bodyToMono(VerifiedPerson.class)
                .timeout(responseTimeout.plusSeconds(1))
                .onErrorMap(error -> translate(error, rejected))
                .flatMap(person -> isComplete(person)
                        ? Mono.just(person)
                        : Mono.error(new ServiceUnavailableException(
                                SERVICE_NAME,
                                new IllegalStateException(path + " answered without a person id or session"))));
    }

    private static boolean isComplete(VerifiedPerson person) {
        return person.id() != null
                && !person.id().isBlank()
                && person.session() != null
                && person.session().id() != null
                && !person.session().id().isBlank();
    }

    private static Throwable translate(Throwable error, Supplier<RuntimeException> rejected) {
        // 401, or 400 for input it cannot parse: these credentials do not sign in, and the caller
        // learns nothing about which part was wrong. Anything else (403 = our service token refused,
        // 5xx, no answer) is the gateway's or feedback-service's problem, not the user's.
        if (error instanceof WebClientResponseException response
                && (response.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()
                        || response.getStatusCode().value() == HttpStatus.BAD_REQUEST.value())) {
            return rejected.get();
        }
        return new ServiceUnavailableException(SERVICE_NAME, error);
    }
}

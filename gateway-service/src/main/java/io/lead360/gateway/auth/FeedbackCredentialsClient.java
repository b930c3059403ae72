package io.lead360.gateway.auth;

import java.net.URI;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** Asks feedback-service whether an email/password pair belongs to a person. */
public class FeedbackCredentialsClient {

    static final String SERVICE_NAME = "feedback-service";
    static final String VERIFY_PATH = "/internal/auth/verify";

    private final WebClient webClient;
    private final TokenIssuer tokens;
    private final Duration responseTimeout;

    public FeedbackCredentialsClient(URI feedbackUri, TokenIssuer tokens, Duration connectTimeout, Duration responseTimeout) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        this.webClient = WebClient.builder()
                .baseUrl(feedbackUri.toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
        this.tokens = tokens;
        this.responseTimeout = responseTimeout;
    }

    /**
     * The verified person, or an {@link InvalidCredentialsException} when feedback-service
     * rejects the pair, or a {@link ServiceUnavailableException} when it cannot tell.
     */
    public Mono<VerifiedPerson> verify(SignInRequest credentials) {
        return webClient.post()
                .uri(VERIFY_PATH)
                .headers(h -> h.setBearerAuth(tokens.serviceToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(credentials)
                .retrieve()
                .bodyToMono(VerifiedPerson.class)
                .timeout(responseTimeout.plusSeconds(1))
                .onErrorMap(FeedbackCredentialsClient::translate)
                .flatMap(person -> person.id() == null || person.id().isBlank()
                        ? Mono.error(new ServiceUnavailableException(SERVICE_NAME,
                                new IllegalStateException("verify answered without a person id")))
                        : Mono.just(person));
    }

    private static Throwable translate(Throwable error) {
        // 401, or 400 for an email it cannot parse: these credentials do not sign in, and the caller
        // learns nothing about which part was wrong. Anything else (403 = our service token refused,
        // 5xx, no answer) is the gateway's or feedback-service's problem, not the user's.
        if (error instanceof WebClientResponseException response
                && (response.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()
                        || response.getStatusCode().value() == HttpStatus.BAD_REQUEST.value())) {
            return new InvalidCredentialsException();
        }
        return new ServiceUnavailableException(SERVICE_NAME, error);
    }
}

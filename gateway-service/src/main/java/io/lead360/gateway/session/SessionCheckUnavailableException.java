package io.lead360.gateway.session;

import io.lead360.gateway.signin.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * feedback-service could not say whether a token's session is live: the request is refused with
 * 503 (fail closed) rather than let a possibly revoked token through.
 */
public class SessionCheckUnavailableException extends ResponseStatusException {

    public SessionCheckUnavailableException(ServiceUnavailableException cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "feedback-service is unavailable", cause);
    }
}

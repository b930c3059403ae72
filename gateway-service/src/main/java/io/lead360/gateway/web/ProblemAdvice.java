package io.lead360.gateway.web;

import io.lead360.gateway.signin.InvalidCredentialsException;
import io.lead360.gateway.signin.InvalidRefreshTokenException;
import io.lead360.gateway.signin.ServiceUnavailableException;
import io.lead360.gateway.signin.SignInLockedException;
import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.ProblemType;
import io.lead360.service.problem.Problems;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The one place controller errors become problem+json, in service-support's vocabulary (ProblemType, InvalidField). */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidCredentialsException.class)
    ProblemDetail invalidCredentials(InvalidCredentialsException e) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_CREDENTIALS, e.getMessage());
        problem.setTitle("Invalid credentials");
        return problem;
    }

    @ExceptionHandler(InvalidRefreshTokenException.class)
    ProblemDetail invalidRefreshToken(InvalidRefreshTokenException e) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REFRESH_TOKEN, e.getMessage());
        problem.setTitle("Invalid refresh token");
        return problem;
    }

    @ExceptionHandler(SignInLockedException.class)
    ResponseEntity<ProblemDetail> signInLocked(SignInLockedException e) {
        ProblemDetail problem = Problems.of(ProblemType.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many failed sign-ins");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ProblemDetail serviceUnavailable(ServiceUnavailableException e) {
        log.warn(
                "{}: {}",
                e.getMessage(),
                e.getCause() == null ? "" : e.getCause().toString());
        return Problems.of(ProblemType.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ex.getBody();
        problem.setDetail("The request has invalid fields");
        List<InvalidField> errors =
                ex.getFieldErrors().stream().map(ProblemAdvice::fieldError).toList();
        problem.setProperty(Problems.ERRORS, errors);
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    /** Every answer of Spring's own exceptions (a bad body, 404, 405, 415...) gets the type of its status. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            Problems.typed(problem);
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private static InvalidField fieldError(FieldError error) {
        return InvalidField.field(
                error.getField(), error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }
}

package io.lead360.service.problem;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.lead360.service.StoreUnavailable;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns a servlet service's failures into application/problem+json (feedback- and
 * analytics-service, registered by {@link ProblemAutoConfiguration}). Spring's MVC exceptions (bad
 * parameters, unknown paths...) keep their 4xx status; anything unexpected is a 500 without internals;
 * every answer carries the {@code type} of its kind ({@link ProblemType}).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e) {
        return e.toProblem();
    }

    /** Two writers raced for the same unique key (e.g. two imports creating one email). */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        log.info("duplicate key: {}", e.getMessage());
        return Problems.of(ProblemType.CONFLICT, "A concurrent change created the same record; retry.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return Problems.of(ProblemType.INVALID_INPUT, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return Problems.of(ProblemType.FORBIDDEN, "Access denied");
    }

    /** MongoDB unreachable: 503 with Retry-After (see {@link StoreUnavailable}). */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class
    })
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        return StoreUnavailable.response(e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return Problems.of(ProblemType.INTERNAL_ERROR, "Unexpected error");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> InvalidField.field(
                        f.getField(), f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(
                ex, Problems.invalid(Problems.INVALID_REQUEST, errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A body that is not the JSON the API takes: an unknown field (e.g. a client-sent "raterId"), or a
     * value of the wrong shape (an object such as {"$gt": ""} where a string belongs) is named, so the
     * client can fix it; neither ever reaches a query.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = List.of();
        String detail = "The request body is not valid JSON for this call";
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = fieldPath(unknown);
            errors = List.of(InvalidField.field(field, "is not a known field"));
            detail = "Unknown field: " + field;
        } else if (ex.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch);
            errors = List.of(InvalidField.field(field, "has the wrong type"));
            detail = "Wrong type of value: " + field;
        }
        return handleExceptionInternal(ex, Problems.invalid(detail, errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Every answer of Spring's own exceptions (404, 405, 415, a bad parameter...) gets the type of its status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.typed(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** "competencies[0].items[1].weight" from Jackson's path of references. */
    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

package io.lead360.service.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one writer of problem+json: builds a problem of a kind, gives an untyped one the {@code type} of its
 * status, and lays out the body (type, title, status, detail, instance, then the extension fields) where
 * no controller machinery does it (security handlers, filters, the gateway's error handler).
 */
public final class Problems {

    /** The title of a problem with invalid fields. */
    public static final String INVALID_REQUEST = "Invalid request";
    /** The extension field that lists the {@link InvalidField}s. */
    public static final String ERRORS = "errors";

    private static final URI BLANK = URI.create("about:blank");

    private Problems() {}

    /** A problem of this kind with its status and {@code type}; the title is the status's reason phrase. */
    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.uri());
        return problem;
    }

    /** 400 "Invalid request" naming each invalid field in {@code errors}. */
    public static ProblemDetail invalid(String detail, List<InvalidField> errors) {
        ProblemDetail problem = of(ProblemType.INVALID_INPUT, detail);
        problem.setTitle(INVALID_REQUEST);
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    /** Gives a problem without a kind of its own ({@code about:blank}) the general kind of its status. */
    public static ProblemDetail typed(ProblemDetail problem) {
        if (problem.getType() == null || BLANK.equals(problem.getType())) {
            ProblemType type = ProblemType.forStatus(problem.getStatus());
            if (type != null) {
                problem.setType(type.uri());
            }
        }
        return problem;
    }

    /** The problem+json body, typed, with {@code instance} set to the given path when it has none. */
    public static Map<String, Object> body(ProblemDetail problem, String instance) {
        typed(problem);
        if (problem.getInstance() == null && instance != null) {
            problem.setInstance(URI.create(instance));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            map.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}

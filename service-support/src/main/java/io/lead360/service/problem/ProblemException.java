package io.lead360.service.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * A request that cannot be served as asked, thrown by a feature and answered as problem+json by the
 * service's advice: its kind (status and {@code type}), a title where the reason phrase is not enough, the
 * detail, and extension fields.
 */
public abstract class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ProblemException(ProblemType type, String title, String detail) {
        super(detail);
        this.type = type;
        this.title = title;
    }

    public ProblemType type() {
        return type;
    }

    /** Adds an extension field to the problem; a null value adds nothing. */
    public ProblemException with(String name, Object value) {
        if (value != null) {
            properties.put(name, value);
        }
        return this;
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = Problems.of(type, getMessage());
        if (title != null) {
            problem.setTitle(title);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }
}

package io.lead360.feedback.keys;

import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * analytics-service asks for the keys of the subjects whose events it is applying. Only its own
 * service token reaches this (see {@link AnalyticsCallerConfig}); the gateway's does not.
 */
@RestController
class SubjectKeyController {

    static final int MAX_IDS = 1000;

    private final SubjectKeys keys;

    SubjectKeyController(SubjectKeys keys) {
        this.keys = keys;
    }

    record LookupBody(List<String> subjectIds) {}

    @PostMapping("/internal/subject-keys")
    SubjectKeys.Lookup lookup(@RequestBody LookupBody body) {
        List<String> ids = body == null || body.subjectIds() == null ? List.of() : body.subjectIds();
        if (ids.isEmpty() || ids.size() > MAX_IDS || ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new InvalidInputException(
                    "The lookup is invalid",
                    List.of(InvalidField.field("subjectIds", "must hold 1 to " + MAX_IDS + " non-blank ids")));
        }
        return keys.lookup(ids.stream().distinct().toList());
    }
}

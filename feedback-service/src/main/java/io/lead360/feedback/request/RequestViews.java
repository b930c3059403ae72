package io.lead360.feedback.request;

import io.lead360.events.Relationship;
import io.lead360.feedback.template.Template;

import java.util.Map;

/** What the rater sees and sends. */
final class RequestViews {

    private RequestViews() {
    }

    record Subject(String id, String name) {
    }

    record Summary(String id, String cycleId, String cycleName, Subject subject, Relationship relationship,
                   RequestStatus status) {
    }

    record Detail(String id, String cycleId, String cycleName, Subject subject, Relationship relationship,
                  RequestStatus status, Template questionnaire) {
    }

    /** Values stay untyped so that a wrong type is reported per field rather than as unreadable JSON. */
    record ResponseBody(Map<String, Object> ratings, Map<String, Object> comments) {
    }

    record Submitted(String id, RequestStatus status) {
    }

    record Declined(String id, RequestStatus status) {
    }
}

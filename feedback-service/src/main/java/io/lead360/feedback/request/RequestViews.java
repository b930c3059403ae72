package io.lead360.feedback.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lead360.events.Relationship;
import io.lead360.feedback.ballot.Participation;
import io.lead360.feedback.template.Template;
import java.util.Map;

/** What the rater sees and sends. */
final class RequestViews {

    private RequestViews() {}

    record Subject(String id, String name) {}

    record Summary(
            String id,
            String cycleId,
            String cycleName,
            Subject subject,
            Relationship relationship,
            RequestStatus status) {}

    /** {@code draft} is the caller's own saved draft (the caller is always the rater), or null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Detail(
            String id,
            String cycleId,
            String cycleName,
            Subject subject,
            Relationship relationship,
            RequestStatus status,
            Template questionnaire,
            Visibility visibility,
            Draft draft) {}

    /**
     * How the rater's answers will be shown to the subject: attributed (SELF, MANAGER), or pooled
     * and shown only once {@code responded} (counts, never who) reaches the cycle's threshold. For an
     * anonymous group of fewer than {@code threshold} invited raters {@code responded} is null: there
     * a count would tell who answered, and the group is never shown.
     */
    record Visibility(Relationship relationship, boolean anonymous, int threshold, Integer responded, boolean shown) {

        static Visibility of(Relationship relationship, int threshold, int invited, int responded) {
            Integer shownCount = Participation.of(relationship, threshold, invited, responded, 0)
                    .responded();
            boolean anonymous = relationship.isAnonymous();
            return new Visibility(
                    relationship,
                    anonymous,
                    threshold,
                    shownCount,
                    !anonymous || (shownCount != null && shownCount >= threshold));
        }
    }

    record Draft(Map<String, Integer> ratings, Map<String, String> comments) {}

    /** Body of POST .../decline; the reason is kept, sealed, for the rater alone until the cycle closes. */
    record DeclineBody(String reason) {}

    /** Values stay untyped so that a wrong type is reported per field rather than as unreadable JSON. */
    record ResponseBody(Map<String, Object> ratings, Map<String, Object> comments) {}

    record Submitted(String id, RequestStatus status) {}

    record Declined(String id, RequestStatus status) {}
}

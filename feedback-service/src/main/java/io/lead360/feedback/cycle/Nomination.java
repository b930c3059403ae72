package io.lead360.feedback.cycle;

import io.lead360.events.Relationship;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An extra rater proposed for one subject of a DRAFT cycle; approved ones become requests at open. */
@Document(Nomination.COLLECTION)
record Nomination(
        @Id String id,
        String cycleId,
        String subjectId,
        String raterId,
        Relationship relationship,
        Status status,
        String proposedBy,
        Instant createdAt) {

    static final String COLLECTION = "nominations";

    enum Status {
        PROPOSED,
        APPROVED,
        REJECTED
    }

    View view() {
        return new View(id, cycleId, subjectId, raterId, relationship, status);
    }

    /** A nomination as the API shows it. */
    record View(
            String id, String cycleId, String subjectId, String raterId, Relationship relationship, Status status) {}

    /** Body of POST /api/cycles/{id}/nominations; relationship stays text so a bad one is a field error. */
    record Proposal(String subjectId, String raterId, String relationship) {}
}

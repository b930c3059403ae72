package io.lead360.feedback.request;

import io.lead360.events.Relationship;

/** A request a cycle asks for when it opens; the id is deterministic (see RaterAssignment). */
public record NewRequest(String id, String subjectId, String raterId, Relationship relationship) {
}

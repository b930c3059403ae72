package io.lead360.feedback.cycle;

import io.lead360.events.Relationship;

/** A request a cycle asks for when it opens: who rates whom, in which relationship. */
public record NewRequest(String subjectId, String raterId, Relationship relationship) {}

package io.lead360.events;

/**
 * What an event says about one subject, sealed with that subject's key ({@link SubjectSeal}); the
 * subject id stays readable so that a consumer knows which key opens it.
 */
public record SealedSubject(String subjectId, String sealed) {}

package io.lead360.analytics.profile;

/** Who asks for a profile, from the verified token alone: the person id ({@code sub}) and whether they are an ADMIN. */
public record Viewer(String personId, boolean admin) {}

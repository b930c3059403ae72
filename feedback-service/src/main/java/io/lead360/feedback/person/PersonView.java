package io.lead360.feedback.person;

import java.util.List;

/** A person as the API shows it: never a password or hash. */
public record PersonView(String id, String email, String name, List<String> roles, String managerId, boolean active) {}

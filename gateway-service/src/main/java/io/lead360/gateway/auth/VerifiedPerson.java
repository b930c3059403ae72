package io.lead360.gateway.auth;

import java.util.List;

/** feedback-service's answer to a successful credential check (POST /internal/auth/verify). */
public record VerifiedPerson(String id, String email, String name, List<String> roles, String managerId) {
}

package io.lead360.feedback.auth;

import java.util.List;
import java.util.Optional;

/**
 * What sign-in needs to know about people, owned by sign-in and implemented by the people feature:
 * whether credentials are right, and whether a person (by id or email) may still sign in. Each answer
 * is empty for a refusal, however it came about, so that sign-in refuses them all alike.
 */
public interface PersonDirectory {

    /** The person fields of ARCHITECTURE.md's Identity, as a session's tokens carry them (roles derived now). */
    record Identity(String id, String email, String name, List<String> roles, String managerId) {}

    /** The person whose password this is; empty for an unknown email, a wrong password or a deactivated person. */
    Optional<Identity> verify(String email, String password);

    /** The person if they exist and are active. */
    Optional<Identity> findActive(String personId);

    /** The active person with that email, compared case-insensitively. */
    Optional<Identity> findActiveByEmail(String email);
}

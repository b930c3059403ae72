package io.lead360.feedback.person;

import io.lead360.feedback.auth.Roles;
import io.lead360.service.problem.InvalidField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an administrator may do to a person, so that lead360 never locks out the people who run it:
 * nobody deactivates themselves or takes ADMIN from themselves, and there is always at least one
 * active administrator. Plain Java; the answers are the reason for a 409, or empty when allowed.
 */
final class AdministratorRules {

    private AdministratorRules() {}

    /**
     * @param activeAdmins how many active administrators there are now, the target included if it is one
     */
    static Optional<String> mayDeactivate(
            String actorId, String targetId, boolean targetIsActiveAdmin, long activeAdmins) {
        if (actorId.equals(targetId)) {
            return Optional.of("You cannot deactivate yourself");
        }
        if (targetIsActiveAdmin && activeAdmins <= 1) {
            return Optional.of("This is the last active administrator; make someone else an administrator first");
        }
        return Optional.empty();
    }

    static Optional<String> mayChangeRoles(
            String actorId, String targetId, boolean targetIsActiveAdmin, boolean keepsAdmin, long activeAdmins) {
        if (keepsAdmin) {
            return Optional.empty();
        }
        if (actorId.equals(targetId)) {
            return Optional.of("You cannot take the ADMIN role from yourself");
        }
        if (targetIsActiveAdmin && activeAdmins <= 1) {
            return Optional.of("This is the last active administrator; make someone else an administrator first");
        }
        return Optional.empty();
    }

    /**
     * The same rules for an import, which sets the granted roles of every person in its file: it does not
     * take ADMIN from the importer, nor from the last active administrators.
     *
     * @param takesAdminFromImporter whether the importer's own row drops their ADMIN role
     * @param activeAdminsBefore     how many active administrators there are now
     * @param activeAdminsAfter      how many there are after the import
     */
    static Optional<String> mayImport(boolean takesAdminFromImporter, long activeAdminsBefore, long activeAdminsAfter) {
        if (takesAdminFromImporter) {
            return Optional.of("The import would take the ADMIN role from you; give your own row the ADMIN role");
        }
        if (activeAdminsBefore > 0 && activeAdminsAfter < 1) {
            return Optional.of("The import would leave no active administrator; give at least one row the ADMIN role");
        }
        return Optional.empty();
    }

    /**
     * Normalises the requested roles (trimmed, upper case, no duplicates) or lists what is wrong.
     * EMPLOYEE is implied and LEADER derived from the organisation; only ADMIN is stored as granted.
     */
    static List<String> parseRoles(List<String> requested, List<InvalidField> errors) {
        if (requested == null) {
            errors.add(InvalidField.field("roles", "must be given"));
            return List.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String role =
                    requested.get(i) == null ? "" : requested.get(i).strip().toUpperCase(Locale.ROOT);
            if (!ImportValidator.KNOWN_ROLES.contains(role)) {
                errors.add(InvalidField.field("roles[" + i + "]", "unknown role; allowed: EMPLOYEE, LEADER, ADMIN"));
            } else {
                roles.add(role);
            }
        }
        return new ArrayList<>(roles);
    }

    /** What is stored in {@code grantedRoles} for these roles. */
    static List<String> granted(List<String> roles) {
        return roles.contains(Roles.ADMIN) ? List.of(Roles.ADMIN) : List.of();
    }
}

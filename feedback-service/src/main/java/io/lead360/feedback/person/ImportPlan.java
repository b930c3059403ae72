package io.lead360.feedback.person;

import io.lead360.feedback.auth.Roles;
import io.lead360.service.problem.InvalidField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a validated people import does to the people stored, decided without storage: who is created
 * (with a password only when new and not in production mode), who is changed (name, manager, granted
 * roles, reactivation), who is deactivated (active people missing from the file when asked, never an
 * administrator), which roles changed, and the warnings for ignored passwords. {@link PersonService}
 * loads the people, writes the plan and audits it.
 *
 * @param creates the new people, in file order
 * @param changes the people whose stored record changes, in file order
 * @param rolesChanged id to the granted roles before, of each changed person whose roles changed
 * @param passwordsSet the ids of the new people who get the file's password
 * @param deactivate the ids of the active people to deactivate
 * @param warnings the values ignored, naming the rows
 * @param activeBefore how many people were active before the import
 */
record ImportPlan(
        List<Create> creates,
        List<Change> changes,
        Map<String, List<String>> rolesChanged,
        List<String> passwordsSet,
        List<String> deactivate,
        List<InvalidField> warnings,
        long activeBefore) {

    /** A stored person, as far as an import looks at them. */
    record Stored(String id, String email, String name, String managerId, List<String> grantedRoles, boolean active) {

        Stored {
            grantedRoles = grantedRoles == null ? List.of() : grantedRoles;
        }
    }

    /** A person the import creates; {@code password} (in clear, to be hashed) is null when none is set. */
    record Create(String id, String email, String name, String managerId, List<String> grantedRoles, String password) {

        @Override
        public String toString() {
            return "Create[id=" + id + ", email=" + email + "]";
        }
    }

    /** A stored person the import changes: name, manager and granted roles set, deactivation lifted. */
    record Change(String id, String name, String managerId, List<String> grantedRoles) {}

    /**
     * For the validator: the email of every active stored person to their manager's email (null for none),
     * since a row's manager may be a stored person; with {@code deactivateMissing} only the file counts.
     */
    static Map<String, String> existingManagers(List<Stored> stored, ImportOptions options) {
        Map<String, String> existingManagers = new HashMap<>();
        if (options.deactivateMissing()) {
            return existingManagers;
        }
        Map<String, Stored> byId = stored.stream().collect(Collectors.toMap(Stored::id, p -> p));
        for (Stored p : stored) {
            if (p.active()) {
                Stored manager = p.managerId() == null ? null : byId.get(p.managerId());
                existingManagers.put(p.email(), manager == null ? null : manager.email());
            }
        }
        return existingManagers;
    }

    /**
     * The plan of an import of {@code rows} (normalized and valid) over the {@code stored} people. An
     * import never changes an existing person's password, and in production mode it sets none at all.
     */
    static ImportPlan of(
            List<ImportRow> rows, List<Stored> stored, ImportOptions options, boolean production, ImportSource source) {
        Map<String, Stored> byEmail = stored.stream().collect(Collectors.toMap(Stored::email, p -> p));
        Map<String, String> idOfEmail = new HashMap<>();
        byEmail.forEach((email, p) -> idOfEmail.put(email, p.id()));
        for (ImportRow row : rows) {
            idOfEmail.computeIfAbsent(row.email(), e -> UUID.randomUUID().toString());
        }
        List<Create> creates = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Map<String, List<String>> rolesChanged = new LinkedHashMap<>();
        List<String> passwordsSet = new ArrayList<>();
        List<InvalidField> warnings = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            String managerId = row.managerEmail() == null ? null : idOfEmail.get(row.managerEmail());
            List<String> granted = row.roles().contains(Roles.ADMIN) ? List.of(Roles.ADMIN) : List.of();
            Stored existing = byEmail.get(row.email());
            if (row.password() != null && (existing != null || production)) {
                warnings.add(
                        source.error(
                                i + 1,
                                "password",
                                existing != null
                                        ? "ignored: an import never changes the password of someone who exists already"
                                        : "ignored: in production mode an import sets no passwords (people sign in with single sign-on)"));
            }
            if (existing == null) {
                boolean withPassword = row.password() != null && !production;
                String id = idOfEmail.get(row.email());
                creates.add(new Create(
                        id, row.email(), row.name(), managerId, granted, withPassword ? row.password() : null));
                if (withPassword) {
                    passwordsSet.add(id);
                }
                continue;
            }
            boolean sameRoles = Set.copyOf(existing.grantedRoles()).equals(Set.copyOf(granted));
            boolean same = existing.active()
                    && existing.name().equals(row.name())
                    && Objects.equals(existing.managerId(), managerId)
                    && sameRoles;
            if (same) {
                continue;
            }
            if (!sameRoles) {
                rolesChanged.put(existing.id(), existing.grantedRoles());
            }
            changes.add(new Change(existing.id(), row.name(), managerId, granted));
        }
        List<String> deactivate = options.deactivateMissing() ? missingFrom(rows, stored) : List.of();
        long active = stored.stream().filter(Stored::active).count();
        return new ImportPlan(
                List.copyOf(creates),
                List.copyOf(changes),
                rolesChanged,
                List.copyOf(passwordsSet),
                deactivate,
                List.copyOf(warnings),
                active);
    }

    /**
     * Whether the plan deactivates more than {@code maxShare} of the active people without {@code force}:
     * most likely the wrong file, so the import is refused.
     */
    boolean deactivatesTooMany(double maxShare, boolean force) {
        return !deactivate.isEmpty() && !force && deactivate.size() > activeBefore * maxShare;
    }

    /**
     * What {@link AdministratorRules#mayImport} says about this plan applied over {@code stored} by
     * {@code actorId}: the reason it would lock administrators out, or empty.
     */
    Optional<String> lockout(String actorId, List<Stored> stored) {
        Map<String, Change> changed = new HashMap<>();
        changes.forEach(c -> changed.put(c.id(), c));
        Set<String> deactivated = Set.copyOf(deactivate);
        long before = 0;
        long after = creates.stream()
                .filter(c -> c.grantedRoles().contains(Roles.ADMIN))
                .count();
        for (Stored person : stored) {
            if (person.active() && person.grantedRoles().contains(Roles.ADMIN)) {
                before++;
            }
            Change change = changed.get(person.id());
            // a change lifts a deactivation; an import never deactivates an administrator
            boolean active = change != null || (person.active() && !deactivated.contains(person.id()));
            List<String> roles = change != null ? change.grantedRoles() : person.grantedRoles();
            if (active && roles.contains(Roles.ADMIN)) {
                after++;
            }
        }
        Change own = changed.get(actorId);
        boolean takesAdminFromImporter = own != null && !own.grantedRoles().contains(Roles.ADMIN);
        return AdministratorRules.mayImport(takesAdminFromImporter, before, after);
    }

    /** Whether the import leaves every stored person as they are. */
    boolean changesNothing() {
        return creates.isEmpty() && changes.isEmpty() && deactivate.isEmpty();
    }

    /** As when an administrator deactivates someone or changes their roles: their access ends at once. */
    List<String> sessionsToEnd() {
        List<String> endSessions = new ArrayList<>(deactivate);
        endSessions.addAll(rolesChanged.keySet());
        return endSessions;
    }

    ImportResult result(boolean dryRun) {
        return new ImportResult(creates.size(), changes.size(), deactivate.size(), dryRun, warnings);
    }

    /**
     * Active people not in the file. Administrators are never deactivated by an import: a file
     * that forgets them must not lock out the people who run lead360.
     */
    private static List<String> missingFrom(List<ImportRow> rows, List<Stored> stored) {
        Set<String> inFile = rows.stream().map(ImportRow::email).collect(Collectors.toSet());
        return stored.stream()
                .filter(p -> p.active()
                        && !inFile.contains(p.email())
                        && !p.grantedRoles().contains(Roles.ADMIN))
                .map(Stored::id)
                .toList();
    }
}

package io.lead360.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a test imports (POST /api/people/import) for its org chart: people of one email domain and one
 * password, each naming their manager by local part (null at the top).
 */
final class OrgChart {

    private final String domain;
    private final String password;
    private final List<String> roles;

    /** Rows without roles: the import gives each person the default. */
    OrgChart(String domain, String password) {
        this(domain, password, List.of());
    }

    private OrgChart(String domain, String password, List<String> roles) {
        this.domain = domain;
        this.password = password;
        this.roles = roles;
    }

    /** The same chart whose rows name these roles. */
    OrgChart withRoles(String... roles) {
        return new OrgChart(domain, password, List.of(roles));
    }

    String email(String local) {
        return local + domain;
    }

    /** A person named "Person {@code local}". */
    Map<String, Object> person(String local, String manager) {
        return person(local, "Person " + local, manager);
    }

    Map<String, Object> person(String local, String name, String manager) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("email", email(local));
        row.put("name", name);
        row.put("managerEmail", manager == null ? null : email(manager));
        if (!roles.isEmpty()) {
            row.put("roles", roles);
        }
        row.put("password", password);
        return row;
    }
}

package io.lead360.feedback.person;

import java.util.List;

/** One row of a people import, as sent (JSON object or CSV line). */
public record ImportRow(String email, String name, String managerEmail, List<String> roles, String password) {

    public ImportRow {
        roles = roles == null ? List.of() : roles;
    }
}

package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.service.audit.AuditEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * Administrators deactivate, reactivate and change the roles of people: access ends at once, and
 * lead360 never loses its last active administrator. A database of its own, so the administrators
 * counted are only this test's.
 */
class PeopleAdminIT extends IsolatedIT {

    private Map<String, String> ids;

    /** ada and bob are administrators; dev reports to ada. */
    @BeforeEach
    void organisation() throws Exception {
        Map<String, Object> ada = person(email("ada"), "Ada", null);
        ada.put("roles", List.of("ADMIN"));
        Map<String, Object> bob = person(email("bob"), "Bob", null);
        bob.put("roles", List.of("ADMIN"));
        Map<String, Object> dev = person(email("dev"), "Dev", email("ada"));
        dev.put("password", "dev-password-1");
        ids = importAndGetIds(List.of(ada, bob, dev));
    }

    private String admin(String who) {
        return tokenFor(ids.get(who), email(who), who, List.of("EMPLOYEE", "ADMIN"));
    }

    private String employee(String who) {
        return tokenFor(ids.get(who), email(who), who, List.of("EMPLOYEE"));
    }

    private List<AuditEntry> audit(String action, String targetId) {
        return mongo.find(
                Query.query(Criteria.where("action").is(action).and("targetId").is(targetId)), AuditEntry.class);
    }

    @Test
    void deactivationEndsEverySessionAtOnceAndActivationLetsThePersonSignInAgain() throws Exception {
        String dev = ids.get("dev");
        String devToken = employee("dev");
        String secondDevice = tokens.accessToken(
                dev,
                email("dev"),
                "Dev",
                List.of("EMPLOYEE"),
                sessions.start(dev).sessionId());
        getAs(devToken, "/api/me").andExpect(status().isOk());

        postAs(admin("ada"), "/api/people/" + dev + "/deactivate", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.id").value(dev));

        getAs(devToken, "/api/me").andExpect(status().isUnauthorized());
        getAs(secondDevice, "/api/me").andExpect(status().isUnauthorized());
        postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("dev"), "password", "dev-password-1"))
                .andExpect(status().isUnauthorized());
        assertThat(audit("PERSON_DEACTIVATED", dev))
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(ids.get("ada")))
                .satisfies(e -> assertThat(e.targetType()).isEqualTo("PERSON"));

        postAs(admin("ada"), "/api/people/" + dev + "/activate", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
        assertThat(audit("PERSON_ACTIVATED", dev)).hasSize(1);
        postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("dev"), "password", "dev-password-1"))
                .andExpect(status().isOk());
    }

    @Test
    void anAdministratorEndsEverySessionOfAPersonWhoKeepsTheirAccount() throws Exception {
        String bob = ids.get("bob");
        String laptop = tokens.accessToken(
                bob,
                email("bob"),
                "Bob",
                List.of("EMPLOYEE"),
                sessions.start(bob).sessionId());
        String phone = tokens.accessToken(
                bob,
                email("bob"),
                "Bob",
                List.of("EMPLOYEE"),
                sessions.start(bob).sessionId());
        getAs(laptop, "/api/me").andExpect(status().isOk());

        postAs(admin("ada"), "/api/people/" + bob + "/sign-out", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ended").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));

        getAs(laptop, "/api/me").andExpect(status().isUnauthorized());
        getAs(phone, "/api/me").andExpect(status().isUnauthorized());
        assertThat(audit("SESSIONS_ENDED", bob))
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(ids.get("ada")));
        // the account itself stays: a new sign-in works
        getAs(
                        tokens.accessToken(
                                bob,
                                email("bob"),
                                "Bob",
                                List.of("EMPLOYEE"),
                                sessions.start(bob).sessionId()),
                        "/api/me")
                .andExpect(status().isOk());
        postAs(employee("dev"), "/api/people/" + bob + "/sign-out", null).andExpect(status().isForbidden());
        postAs(admin("ada"), "/api/people/nobody/sign-out", null).andExpect(status().isNotFound());
    }

    @Test
    void aRoleChangeEndsThePersonsSessionsAndIsAuditedWithOldAndNewRoles() throws Exception {
        String dev = ids.get("dev");
        String devToken = employee("dev");
        getAs(devToken, "/api/me").andExpect(status().isOk());

        putAs(admin("ada"), "/api/people/" + dev + "/roles", Map.of("roles", List.of("EMPLOYEE", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", containsInAnyOrder("EMPLOYEE", "ADMIN")));
        getAs(devToken, "/api/me").andExpect(status().isUnauthorized());

        AuditEntry entry = audit("ROLES_CHANGED", dev).get(0);
        assertThat(entry.actorId()).isEqualTo(ids.get("ada"));
        assertThat(entry.details())
                .containsEntry("oldRoles", List.of("EMPLOYEE"))
                .containsEntry("newRoles", List.of("EMPLOYEE", "ADMIN"));

        putAs(admin("ada"), "/api/people/" + dev + "/roles", Map.of("roles", List.of("EMPLOYEE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", containsInAnyOrder("EMPLOYEE")));
        assertThat(audit("ROLES_CHANGED", dev)).hasSize(2);
    }

    @Test
    void nobodyDeactivatesThemselvesOrTakesAdminFromThemselves() throws Exception {
        String ada = ids.get("ada");
        postAs(admin("ada"), "/api/people/" + ada + "/deactivate", null)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        putAs(admin("ada"), "/api/people/" + ada + "/roles", Map.of("roles", List.of("EMPLOYEE")))
                .andExpect(status().isConflict());
        // keeping ADMIN is fine, and changes nothing
        putAs(admin("ada"), "/api/people/" + ada + "/roles", Map.of("roles", List.of("EMPLOYEE", "ADMIN")))
                .andExpect(status().isOk());
        getAs(admin("ada"), "/api/people/" + ada)
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("EMPLOYEE", "LEADER", "ADMIN")));
    }

    @Test
    void theLastActiveAdministratorStays() throws Exception {
        String ada = ids.get("ada");
        String bob = ids.get("bob");
        postAs(admin("ada"), "/api/people/" + bob + "/deactivate", null).andExpect(status().isOk());
        // ada is now the only active administrator; an administrator whose record is elsewhere tries
        postAs(adminToken(), "/api/people/" + ada + "/deactivate", null).andExpect(status().isConflict());
        putAs(adminToken(), "/api/people/" + ada + "/roles", Map.of("roles", List.of("EMPLOYEE")))
                .andExpect(status().isConflict());
        // with bob back, ada may lose ADMIN
        postAs(admin("ada"), "/api/people/" + bob + "/activate", null).andExpect(status().isOk());
        putAs(admin("bob"), "/api/people/" + ada + "/roles", Map.of("roles", List.of("EMPLOYEE")))
                .andExpect(status().isOk());
        getAs(admin("bob"), "/api/people/" + ada)
                .andExpect(jsonPath("$.roles", containsInAnyOrder("EMPLOYEE", "LEADER")));
    }

    @Test
    void unknownPeopleAre404AndUnknownRoles400() throws Exception {
        postAs(admin("ada"), "/api/people/nobody/deactivate", null)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        postAs(admin("ada"), "/api/people/nobody/activate", null).andExpect(status().isNotFound());
        putAs(admin("ada"), "/api/people/nobody/roles", Map.of("roles", List.of("EMPLOYEE")))
                .andExpect(status().isNotFound());

        putAs(admin("ada"), "/api/people/" + ids.get("dev") + "/roles", Map.of("roles", List.of("EMPLOYEE", "ROOT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[1]"));
        putAs(admin("ada"), "/api/people/" + ids.get("dev") + "/roles", Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        putAs(admin("ada"), "/api/people/" + ids.get("dev") + "/roles", "{\"roles\":{\"$ne\":null}}")
                .andExpect(status().isBadRequest());
        putAs(
                        admin("ada"),
                        "/api/people/" + ids.get("dev") + "/roles",
                        Map.of("roles", List.of("ADMIN"), "active", true))
                .andExpect(status().isBadRequest());
        getAs(admin("ada"), "/api/people/" + ids.get("dev"))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("EMPLOYEE")));
    }

    @Test
    void onlyAdministratorsAdministerPeople() throws Exception {
        String bob = ids.get("bob");
        postAs(employee("dev"), "/api/people/" + bob + "/deactivate", null).andExpect(status().isForbidden());
        postAs(employee("dev"), "/api/people/" + ids.get("dev") + "/activate", null)
                .andExpect(status().isForbidden());
        putAs(employee("dev"), "/api/people/" + ids.get("dev") + "/roles", Map.of("roles", List.of("ADMIN")))
                .andExpect(status().isForbidden());
        getAs(admin("ada"), "/api/people/" + bob).andExpect(jsonPath("$.active").value(true));
    }

    @Test
    void anImportThatDeactivatesPeopleEndsTheirSessionsToo() throws Exception {
        String devToken = employee("dev");
        getAs(devToken, "/api/me").andExpect(status().isOk());
        Map<String, Object> ada = new HashMap<>(person(email("ada"), "Ada", null));
        ada.put("roles", List.of("ADMIN"));
        postAs(admin("ada"), "/api/people/import?deactivateMissing=true&force=true", List.of(ada))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deactivated").value(1));
        getAs(devToken, "/api/me").andExpect(status().isUnauthorized());
    }
}

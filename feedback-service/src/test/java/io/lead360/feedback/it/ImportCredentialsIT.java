package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An import never changes an existing person's password (else an administrator could sign in as any
 * rater and answer in their name); a new person's password is audited per person.
 */
class ImportCredentialsIT extends AbstractIT {

    @Test
    void aPasswordForSomeoneWhoExistsIsIgnoredWithAWarningNamingTheRowAndTheirSessionsStay() throws Exception {
        Map<String, Object> lea = person(email("lea"), "Lea", null);
        lea.put("password", "leas-own-password");
        postAs(adminToken(), "/api/people/import", List.of(lea))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings.length()").value(0));
        String leaId = idsOfThisTest().get("lea");
        String session = sessionFor(leaId);

        Map<String, Object> takeover = person(email("lea"), "Lea", null);
        takeover.put("password", "chosen-by-the-admin");
        Map<String, Object> other = person(email("other"), "Other", null);
        JsonNode result = body(postAs(adminToken(), "/api/people/import", List.of(other, takeover))
                .andExpect(status().isOk()));
        assertThat(result.get("warnings")).hasSize(1);
        assertThat(result.at("/warnings/0/row").asInt()).isEqualTo(2);
        assertThat(result.at("/warnings/0/field").asString()).isEqualTo("password");
        assertThat(result.at("/warnings/0/message").asString()).contains("never changes");

        postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("lea"), "password", "chosen-by-the-admin"))
                .andExpect(status().isUnauthorized());
        postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("lea"), "password", "leas-own-password"))
                .andExpect(status().isOk());
        assertThat(sessions.isLive(session, leaId)).isTrue();
        // the same file again changes nothing, and says so again
        postAs(adminToken(), "/api/people/import", List.of(other, takeover))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.warnings.length()").value(1));
    }

    @Test
    void everyNewPasswordAndRoleChangeOfAnImportIsAuditedPerPerson() throws Exception {
        Map<String, Object> pia = person(email("pia"), "Pia", null);
        pia.put("password", "pias-first-password");
        Map<String, Object> ole = person(email("ole"), "Ole", null);
        postAs(adminToken(), "/api/people/import", List.of(pia, ole)).andExpect(status().isOk());
        Map<String, String> id = idsOfThisTest();
        JsonNode set = body(getAs(adminToken(), "/api/audit?action=PASSWORD_SET&targetId=" + id.get("pia")));
        assertThat(set).hasSize(1);
        assertThat(set.get(0).get("actorId").asString()).isEqualTo("admin-" + tag);
        assertThat(body(getAs(adminToken(), "/api/audit?action=PASSWORD_SET&targetId=" + id.get("ole"))))
                .isEmpty();

        ole.put("roles", List.of("ADMIN"));
        postAs(adminToken(), "/api/people/import", List.of(pia, ole)).andExpect(status().isOk());
        JsonNode roles = body(getAs(adminToken(), "/api/audit?action=ROLES_CHANGED&targetId=" + id.get("ole")));
        assertThat(roles).hasSize(1);
        assertThat(roles.get(0).at("/details/by").asString()).isEqualTo("import");
    }

    @Test
    void aPasswordLongerThanBcryptReadsNeverSignsIn() throws Exception {
        String longest = "p".repeat(72); // 72 bytes: all bcrypt reads
        Map<String, Object> kim = person(email("kim"), "Kim", null);
        kim.put("password", longest);
        postAs(adminToken(), "/api/people/import", List.of(kim)).andExpect(status().isOk());

        postAs(tokens.serviceToken(), "/internal/auth/verify", Map.of("email", email("kim"), "password", longest))
                .andExpect(status().isOk());
        // bcrypt would ignore the 73rd byte and on: the longer password must not match
        for (String longer : List.of(longest + "x", longest + "anything at all")) {
            postAs(tokens.serviceToken(), "/internal/auth/verify", Map.of("email", email("kim"), "password", longer))
                    .andExpect(status().isUnauthorized());
        }
        Map<String, Object> tooLong = person(email("max"), "Max", null);
        tooLong.put("password", longest + "x");
        postAs(adminToken(), "/api/people/import", List.of(tooLong))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }
}

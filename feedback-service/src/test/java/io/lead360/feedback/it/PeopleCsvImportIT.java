package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The CSV form of the people import through the API, as spreadsheet programs and editors write it. */
class PeopleCsvImportIT extends AbstractIT {

    private ResultActions importCsv(byte[] file) throws Exception {
        return mvc.perform(post("/api/people/import")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                .contentType("text/csv")
                .content(file));
    }

    private ResultActions importCsv(String file) throws Exception {
        return importCsv(file.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSemicolonSeparatedSpreadsheetExportWithAByteOrderMarkImports() throws Exception {
        String file = "\uFEFFemail;name;managerEmail;roles;password\r\n"
                + email("boss") + ";\"Boss; The\";;ADMIN|EMPLOYEE;\r\n"
                + email("zoe") + ";Zoë Müller;" + email("boss") + ";EMPLOYEE;\r\n"
                + ";;;;\r\n";

        importCsv(file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));

        JsonNode people = body(getAs(adminToken(), "/api/people"));
        assertThat(find(people, email("boss")).get("name").asString()).isEqualTo("Boss; The");
        assertThat(find(people, email("zoe")).get("name").asString()).isEqualTo("Zoë Müller");
    }

    @Test
    void errorsNameTheLinesOfTheFileAndTheirRows() throws Exception {
        String file = "email,name,managerEmail,roles,password\n"
                + "\n" // line 2
                + email("a") + ",\"A\nof two lines\",,EMPLOYEE,\n" // lines 3-4: row 1
                + email("a") + ",Again,,EMPLOYEE,\n" // line 5: row 2
                + email("b") + ",B," + email("ghost") + ",EMPLOYEE,\n"; // line 6: row 3

        JsonNode problem = body(importCsv(file)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));

        assertThat(problem.get("errors")).hasSize(2);
        JsonNode duplicate = problem.get("errors").get(0);
        assertThat(duplicate.get("row").asInt()).isEqualTo(2);
        assertThat(duplicate.get("line").asInt()).isEqualTo(5);
        assertThat(duplicate.get("field").asString()).isEqualTo("email");
        assertThat(duplicate.get("message").asString()).isEqualTo("duplicates line 3");
        JsonNode unknown = problem.get("errors").get(1);
        assertThat(unknown.get("line").asInt()).isEqualTo(6);
        assertThat(unknown.get("field").asString()).isEqualTo("managerEmail");
        assertThat(find(body(getAs(adminToken(), "/api/people")), email("a")))
                .as("nothing imported")
                .isNull();
    }

    @Test
    void anUnterminatedQuoteIsA400NamingTheLineAndNothingIsImported() throws Exception {
        String file = "email,name,managerEmail,roles,password\n"
                + email("fine") + ",Fine,,EMPLOYEE,\n"
                + email("broken") + ",\"Broken,,EMPLOYEE,a-password\n"
                + email("after") + ",After,,EMPLOYEE,\n";

        importCsv(file)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail")
                        .value("The CSV cannot be read: the quoted value that starts on line 3 is never closed"))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("line"));
        assertThat(find(body(getAs(adminToken(), "/api/people")), email("fine")))
                .as("nothing imported")
                .isNull();
    }

    @Test
    void aWarningOfACsvImportNamesItsLineAndAJsonImportsItsRowOnly() throws Exception {
        importCsv("email,name,managerEmail,roles\n" + email("kept") + ",Kept,,EMPLOYEE\n")
                .andExpect(status().isOk());

        // an import never changes an existing person's password: ignored, with a warning
        importCsv("email,name,managerEmail,roles,password\n\n" + email("kept") + ",Kept,,EMPLOYEE,new-password\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[0].row").value(1))
                .andExpect(jsonPath("$.warnings[0].line").value(3))
                .andExpect(jsonPath("$.warnings[0].field").value("password"));
        Map<String, Object> row = person(email("kept"), "Kept", null);
        row.put("password", "new-password");
        postAs(adminToken(), "/api/people/import", List.of(row))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[0].row").value(1))
                .andExpect(jsonPath("$.warnings[0].line").doesNotExist());
    }

    /** The person with this email in GET /api/people, or null. */
    private static JsonNode find(JsonNode people, String email) {
        for (JsonNode p : people) {
            if (p.get("email").asString().equals(email)) {
                return p;
            }
        }
        return null;
    }
}

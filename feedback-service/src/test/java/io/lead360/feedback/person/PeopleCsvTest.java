package io.lead360.feedback.person;

import io.lead360.feedback.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeopleCsvTest {

    @Test
    void readsRowsWithQuotedFieldsAndRoleLists() {
        List<ImportRow> rows = PeopleCsv.parse("""
                email,name,managerEmail,roles,password
                mo@acme.test,"Mo, the boss",,ADMIN|EMPLOYEE,secret
                lea@acme.test,Lea Park,mo@acme.test,EMPLOYEE;LEADER,
                """);

        assertThat(rows).containsExactly(
                new ImportRow("mo@acme.test", "Mo, the boss", null, List.of("ADMIN", "EMPLOYEE"), "secret"),
                new ImportRow("lea@acme.test", "Lea Park", "mo@acme.test", List.of("EMPLOYEE", "LEADER"), null));
    }

    @Test
    void aMissingColumnIsRefused() {
        assertThatThrownBy(() -> PeopleCsv.parse("email,name\na@acme.test,A\n"))
                .isInstanceOf(InvalidInputException.class);
    }
}

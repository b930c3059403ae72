package io.lead360.feedback.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeopleCsvTest {

    private static final String HEADER = "email,name,managerEmail,roles,password\n";

    private static InvalidInputException refused(String csv) {
        return catchThrowableOfType(InvalidInputException.class, () -> PeopleCsv.parse(csv));
    }

    @Test
    void readsRowsWithQuotedFieldsAndRoleLists() {
        List<ImportRow> rows = PeopleCsv.parse(HEADER
                        + "mo@acme.test,\"Mo, the boss\",,ADMIN|EMPLOYEE,secret\n"
                        + "lea@acme.test,Lea Park,mo@acme.test,EMPLOYEE;LEADER,\n")
                .rows();

        assertThat(rows)
                .containsExactly(
                        new ImportRow("mo@acme.test", "Mo, the boss", null, List.of("ADMIN", "EMPLOYEE"), "secret"),
                        new ImportRow(
                                "lea@acme.test", "Lea Park", "mo@acme.test", List.of("EMPLOYEE", "LEADER"), null));
    }

    @Test
    void aSemicolonSeparatedFileFromASpreadsheetIsReadWithItsByteOrderMarkAndWindowsLineEnds() {
        PeopleCsv.Parsed parsed = PeopleCsv.parse("\uFEFFEmail;Name;ManagerEmail;Roles;Password\r\n"
                + "mo@acme.test;\"Mo; the boss\";;\"ADMIN;EMPLOYEE\";\r\n"
                + "zoe@acme.test;Zoë Müller;mo@acme.test;EMPLOYEE|LEADER;\r\n");

        assertThat(parsed.rows())
                .containsExactly(
                        new ImportRow("mo@acme.test", "Mo; the boss", null, List.of("ADMIN", "EMPLOYEE"), null),
                        new ImportRow(
                                "zoe@acme.test", "Zoë Müller", "mo@acme.test", List.of("EMPLOYEE", "LEADER"), null));
        assertThat(parsed.source().lines()).containsExactly(2, 3);
    }

    @Test
    void theSeparatorIsTheOneTheHeaderUsesOutsideQuotes() {
        assertThat(PeopleCsv.separator("email,name,managerEmail,roles\n")).isEqualTo(',');
        assertThat(PeopleCsv.separator("email;name;managerEmail;roles\r\na,b,c,d\n"))
                .isEqualTo(';');
        assertThat(PeopleCsv.separator("\"e,mail\";\"na,me\";managerEmail;roles\n"))
                .isEqualTo(';');
        assertThat(PeopleCsv.separator("email\tname\tmanagerEmail\troles\n")).isEqualTo('\t');
        assertThat(PeopleCsv.parse("email\tname\tmanagerEmail\troles\nmo@acme.test\tMo\t\tEMPLOYEE\n")
                        .rows())
                .containsExactly(new ImportRow("mo@acme.test", "Mo", null, List.of("EMPLOYEE"), null));
    }

    @Test
    void everyRowKnowsTheLineOfTheFileItStartsOn() {
        PeopleCsv.Parsed parsed = PeopleCsv.parse(HEADER
                + "\n" // line 2: blank, no row
                + "a@acme.test,A,,EMPLOYEE,\n" // line 3
                + "b@acme.test,\"B\nsecond line\",,EMPLOYEE,\n" // lines 4 and 5: one row
                + ",,,,\n" // line 6: only separators, no row
                + "c@acme.test,C,,EMPLOYEE,\n"); // line 7

        assertThat(parsed.rows())
                .extracting(ImportRow::email)
                .containsExactly("a@acme.test", "b@acme.test", "c@acme.test");
        assertThat(parsed.source().lines()).containsExactly(3, 4, 7);
        assertThat(parsed.source().error(3, "email", "x")).isEqualTo(new InvalidField(3, 7, "email", "x"));
        assertThat(parsed.source().name(2)).isEqualTo("line 4");
    }

    @Test
    void linesAreCountedTheSameWithWindowsLineEnds() {
        PeopleCsv.Parsed parsed = PeopleCsv.parse("email,name,managerEmail,roles\r\n\r\n"
                + "a@acme.test,\"A\r\nB\",,EMPLOYEE\r\nc@acme.test,C,,EMPLOYEE\r\n");

        assertThat(parsed.source().lines()).containsExactly(3, 5);
    }

    @Test
    void anUnterminatedQuoteIsRefusedNamingTheLineItStartsOnAndNothingOfTheFile() {
        InvalidInputException e = refused(HEADER
                + "a@acme.test,A,,EMPLOYEE,\n"
                + "b@acme.test,B,,EMPLOYEE,\"s3cret-pass\n"
                + "c@acme.test,C,,EMPLOYEE,\n");

        assertThat(e.getMessage()).contains("line 3").contains("never closed").doesNotContain("s3cret");
        assertThat(e.errors())
                .containsExactly(
                        new InvalidField(null, 3, "line", "a quoted value starts on this line and is never closed"));

        // the quote opens the record, after a value of two lines
        InvalidInputException first = refused(HEADER + "a@acme.test,\"A\nA\",,EMPLOYEE,\n\"b@acme.test,B,,EMPLOYEE,\n");
        assertThat(first.errors()).extracting(InvalidField::line).containsExactly(4);
    }

    @Test
    void aCharacterAfterAClosingQuoteIsRefusedNamingItsLineWithoutQuotingIt() {
        InvalidInputException e = refused(HEADER + "a@acme.test,\"A\"x-secret,,EMPLOYEE,\n");

        assertThat(e.getMessage()).contains("line 2").doesNotContain("x-secret").doesNotContain("code");
        assertThat(e.errors()).singleElement().extracting(InvalidField::line).isEqualTo(2);
    }

    @Test
    void aMissingOrRepeatedColumnIsRefusedNamingTheHeaderLine() {
        InvalidInputException missing = refused("\n\nemail,name\na@acme.test,A\n");
        assertThat(missing.errors())
                .extracting(InvalidField::message)
                .containsExactlyInAnyOrder("missing column managerEmail", "missing column roles");
        assertThat(missing.errors()).extracting(InvalidField::line).containsOnly(3);

        InvalidInputException twice = refused("email,name,managerEmail,roles,Email\n");
        assertThat(twice.errors()).extracting(InvalidField::message).containsExactly("column Email appears twice");
    }

    @Test
    void moreFieldsThanTheHeaderAreRefusedNamingTheLineButEmptyTrailingCellsAreNot() {
        InvalidInputException e = refused(HEADER
                + "a@acme.test,A,,EMPLOYEE,,,\n" // trailing empty cells, as spreadsheets write: fine
                + "b@acme.test,B,,EMPLOYEE,,extra\n"); // line 3: one field too many

        assertThat(e.errors()).containsExactly(new InvalidField(2, 3, "row", "has 6 fields, the header (line 1) 5"));
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThatThrownBy(() -> PeopleCsv.parse("\uFEFF\n\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The CSV has no header");
        assertThatThrownBy(() -> PeopleCsv.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}

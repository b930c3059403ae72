package io.lead360.feedback.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lead360.service.problem.InvalidField;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportValidatorTest {

    private static ImportRow row(String email, String name, String manager, String... roles) {
        return ImportValidator.normalize(new ImportRow(email, name, manager, Arrays.asList(roles), null));
    }

    private static List<InvalidField> validate(Map<String, String> existing, ImportRow... rows) {
        return ImportValidator.validate(List.of(rows), existing);
    }

    @Test
    void aConsistentOrganisationPasses() {
        assertThat(validate(
                        Map.of(),
                        row("ceo@acme.test", "Ceo", null, "ADMIN"),
                        row("mo@acme.test", "Mo", "ceo@acme.test"),
                        row("lea@acme.test", "Lea", "MO@acme.test", "employee")))
                .isEmpty();
    }

    @Test
    void everyBadRowIsNamedWithItsFieldAndOneBasedRowNumber() {
        var errors = validate(
                Map.of(),
                row("ok@acme.test", "Ok", null),
                row("not-an-email", "Bad", null),
                row("ok@acme.test", "Twice", null),
                row("noname@acme.test", " ", null),
                row("x@acme.test", "X", "ghost@acme.test"),
                row("y@acme.test", "Y", null, "KING"));

        assertThat(errors)
                .extracting(InvalidField::row, InvalidField::field)
                .containsExactlyInAnyOrder(
                        tuple(2, "email"),
                        tuple(3, "email"),
                        tuple(4, "name"),
                        tuple(5, "managerEmail"),
                        tuple(6, "roles"));
    }

    @Test
    void aManagerAlreadyStoredIsKnown() {
        assertThat(validate(Map.of("boss@acme.test", ""), row("lea@acme.test", "Lea", "boss@acme.test")))
                .isEmpty();
    }

    @Test
    void aReportingLoopInTheFileRejectsEveryRowOnIt() {
        var errors = validate(
                Map.of(),
                row("a@acme.test", "A", "b@acme.test"),
                row("b@acme.test", "B", "c@acme.test"),
                row("c@acme.test", "C", "a@acme.test"),
                row("d@acme.test", "D", "a@acme.test"));

        assertThat(errors).extracting(InvalidField::row).containsExactly(1, 2, 3);
        assertThat(errors.get(0).message()).contains("reporting loop");
    }

    @Test
    void beingOnesOwnManagerIsALoop() {
        assertThat(validate(Map.of(), row("a@acme.test", "A", "a@acme.test")))
                .extracting(InvalidField::row, InvalidField::field)
                .containsExactly(tuple(1, "managerEmail"));
    }

    @Test
    void aLoopThroughStoredPeopleIsFound() {
        // stored: boss reports to mid, mid reports to nobody; the file makes mid report to lea, lea to boss
        Map<String, String> existing = new HashMap<>();
        existing.put("boss@acme.test", "mid@acme.test");
        existing.put("mid@acme.test", null);
        var errors = validate(
                existing, row("lea@acme.test", "Lea", "boss@acme.test"), row("mid@acme.test", "Mid", "lea@acme.test"));

        assertThat(errors).extracting(InvalidField::row).containsExactly(1, 2);
    }

    @Test
    void anOverlongPasswordIsRefusedRatherThanTruncated() {
        var row = ImportValidator.normalize(new ImportRow("a@acme.test", "A", null, List.of(), "x".repeat(73)));
        assertThat(ImportValidator.validate(List.of(row), Map.of()))
                .extracting(InvalidField::field)
                .containsExactly("password");
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefusedAnyCompositionOfEightIsFine() {
        var short7 = ImportValidator.normalize(new ImportRow("a@acme.test", "A", null, List.of(), "abcdefg"));
        assertThat(ImportValidator.validate(List.of(short7), Map.of()))
                .extracting(InvalidField::message)
                .containsExactly("must be at least 8 characters");
        var eight = ImportValidator.normalize(new ImportRow("b@acme.test", "B", null, List.of(), "aaaaaaaa"));
        var emoji =
                ImportValidator.normalize(new ImportRow("c@acme.test", "C", null, List.of(), "\uD83D\uDE00".repeat(8)));
        assertThat(ImportValidator.validate(List.of(eight, emoji), Map.of())).isEmpty();
    }

    @Test
    void aCsvFilesErrorsNameTheLineOfTheFileAlsoWhereTheyPointAtAnotherRow() {
        // rows 1-3 start on lines 2, 4 and 5 (row 1's name spans two lines)
        ImportSource file = ImportSource.csv(List.of(2, 4, 5));
        var errors = ImportValidator.validate(
                List.of(
                        row("ok@acme.test", "Ok", null),
                        row("ok@acme.test", "Twice", null),
                        row("x@acme.test", "X", "ghost@acme.test")),
                Map.of(),
                file);

        assertThat(errors)
                .containsExactlyInAnyOrder(
                        new InvalidField(2, 4, "email", "duplicates line 2"),
                        new InvalidField(3, 5, "managerEmail", "unknown manager ghost@acme.test"));
        // a JSON array's errors have no line, and point at rows
        assertThat(validate(Map.of(), row("ok@acme.test", "Ok", null), row("ok@acme.test", "Twice", null)))
                .containsExactly(new InvalidField(2, null, "email", "duplicates row 1"));
    }
}

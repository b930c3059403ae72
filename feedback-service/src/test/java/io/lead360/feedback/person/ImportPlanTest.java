package io.lead360.feedback.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lead360.feedback.auth.Roles;
import io.lead360.service.problem.InvalidField;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportPlanTest {

    private static final ImportOptions UPDATE = new ImportOptions(false, false, false);
    private static final ImportOptions SYNC = new ImportOptions(false, true, false);

    private static ImportRow row(String email, String name, String manager, String password, String... roles) {
        return ImportValidator.normalize(new ImportRow(email, name, manager, Arrays.asList(roles), password));
    }

    private static ImportPlan.Stored stored(
            String id, String email, String managerId, boolean active, String... roles) {
        return new ImportPlan.Stored(id, email, email.substring(0, 1).toUpperCase(), managerId, List.of(roles), active);
    }

    private static ImportPlan plan(List<ImportPlan.Stored> stored, ImportOptions options, ImportRow... rows) {
        return ImportPlan.of(List.of(rows), stored, options, false, ImportSource.JSON);
    }

    @Test
    void newPeopleAreCreatedWithTheirManagerInTheFileOrStored() {
        var stored = List.of(stored("p-ceo", "c@acme.test", null, true, Roles.ADMIN));
        var plan = plan(
                stored,
                UPDATE,
                row("c@acme.test", "C", null, null, "ADMIN"),
                row("m@acme.test", "M", "c@acme.test", "m-password-1"),
                row("e@acme.test", "E", "m@acme.test", null));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.creates())
                .extracting(ImportPlan.Create::email, ImportPlan.Create::password)
                .containsExactly(tuple("m@acme.test", "m-password-1"), tuple("e@acme.test", null));
        String m = plan.creates().get(0).id();
        assertThat(plan.creates().get(0).managerId()).isEqualTo("p-ceo");
        assertThat(plan.creates().get(1).managerId()).isEqualTo(m);
        assertThat(plan.passwordsSet()).containsExactly(m);
        assertThat(plan.result(false)).isEqualTo(new ImportResult(2, 0, 0, false, List.of()));
    }

    @Test
    void anUnchangedPersonIsLeftAloneAndAChangedOneUpdatedWithTheirOldRoles() {
        var stored = List.of(
                stored("p-a", "a@acme.test", null, true, Roles.ADMIN),
                stored("p-b", "b@acme.test", null, true),
                stored("p-d", "d@acme.test", null, false));
        var plan = plan(
                stored,
                UPDATE,
                row("a@acme.test", "A", null, null, "ADMIN"),
                row("b@acme.test", "B", "a@acme.test", null, "ADMIN"),
                row("d@acme.test", "D", null, null));

        assertThat(plan.creates()).isEmpty();
        assertThat(plan.changes())
                .containsExactly(
                        new ImportPlan.Change("p-b", "B", "p-a", List.of(Roles.ADMIN)),
                        new ImportPlan.Change("p-d", "D", null, List.of()));
        assertThat(plan.rolesChanged()).isEqualTo(Map.of("p-b", List.of()));
        assertThat(plan.sessionsToEnd()).containsExactly("p-b");
    }

    @Test
    void aPasswordIsIgnoredWithAWarningForSomeoneWhoExistsAndInProductionMode() {
        var stored = List.of(stored("p-a", "a@acme.test", null, true));
        var rows =
                List.of(row("a@acme.test", "A", null, "new-password-1"), row("n@acme.test", "N", null, "pw-1234567"));

        var development = ImportPlan.of(rows, stored, UPDATE, false, ImportSource.JSON);
        assertThat(development.warnings())
                .extracting(InvalidField::row, InvalidField::field)
                .containsExactly(tuple(1, "password"));
        assertThat(development.passwordsSet()).hasSize(1);

        var production = ImportPlan.of(rows, stored, UPDATE, true, ImportSource.csv(List.of(2, 5)));
        assertThat(production.warnings())
                .extracting(InvalidField::row, InvalidField::line, InvalidField::message)
                .containsExactly(
                        tuple(1, 2, "ignored: an import never changes the password of someone who exists already"),
                        tuple(
                                2,
                                5,
                                "ignored: in production mode an import sets no passwords (people sign in with single sign-on)"));
        assertThat(production.passwordsSet()).isEmpty();
        assertThat(production.creates()).extracting(ImportPlan.Create::password).containsOnlyNulls();
    }

    @Test
    void deactivateMissingSparesAdministratorsAndIsRefusedAboveTheShareUnlessForced() {
        var stored = List.of(
                stored("p-a", "a@acme.test", null, true, Roles.ADMIN),
                stored("p-b", "b@acme.test", null, true),
                stored("p-c", "c@acme.test", null, true),
                stored("p-d", "d@acme.test", null, false));
        var plan = plan(stored, SYNC, row("b@acme.test", "B", null, null));

        assertThat(plan.deactivate()).containsExactly("p-c");
        assertThat(plan.activeBefore()).isEqualTo(3);
        assertThat(plan.deactivatesTooMany(0.5, false)).isFalse();
        assertThat(plan.deactivatesTooMany(0.2, false)).isTrue();
        assertThat(plan.deactivatesTooMany(0.2, true)).isFalse();
        assertThat(plan.changesNothing()).isFalse();
        assertThat(plan(stored, UPDATE, row("b@acme.test", "B", null, null)).changesNothing())
                .isTrue();
    }

    @Test
    void withDeactivateMissingOnlyTheFileCountsAsManagers() {
        var stored = List.of(stored("p-m", "m@acme.test", null, true), stored("p-e", "e@acme.test", "p-m", true));

        assertThat(ImportPlan.existingManagers(stored, UPDATE))
                .containsEntry("m@acme.test", null)
                .containsEntry("e@acme.test", "m@acme.test");
        assertThat(ImportPlan.existingManagers(stored, SYNC)).isEmpty();
    }

    @Test
    void anImportTakesAdminNeitherFromTheImporterNorFromTheLastAdministrators() {
        var stored = List.of(
                stored("p-a", "a@acme.test", null, true, Roles.ADMIN),
                stored("p-b", "b@acme.test", null, true, Roles.ADMIN),
                stored("p-c", "c@acme.test", null, true));

        // the importer's own row without ADMIN
        assertThat(plan(stored, UPDATE, row("a@acme.test", "A", null, null)).lockout("p-a", stored))
                .hasValueSatisfying(reason -> assertThat(reason).contains("from you"));
        // another administrator's, while the importer stays one: allowed
        assertThat(plan(stored, UPDATE, row("b@acme.test", "B", null, null)).lockout("p-a", stored))
                .isEmpty();
        // both administrators' rows without ADMIN, sent by someone else (a token whose person is not stored)
        var both = plan(stored, UPDATE, row("a@acme.test", "A", null, null), row("b@acme.test", "B", null, null));
        assertThat(both.lockout("p-x", stored))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no active administrator"));
        // ... unless the same file makes someone else one
        var handover = plan(
                stored,
                UPDATE,
                row("a@acme.test", "A", null, null),
                row("b@acme.test", "B", null, null),
                row("c@acme.test", "C", null, null, "ADMIN"));
        assertThat(handover.lockout("p-x", stored)).isEmpty();
    }
}

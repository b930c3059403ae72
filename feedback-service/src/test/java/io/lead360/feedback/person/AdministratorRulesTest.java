package io.lead360.feedback.person;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.service.problem.InvalidField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdministratorRulesTest {

    @Test
    void nobodyDeactivatesThemselves() {
        assertThat(AdministratorRules.mayDeactivate("a", "a", true, 5))
                .hasValueSatisfying(r -> assertThat(r).contains("yourself"));
    }

    @Test
    void theLastActiveAdministratorIsNeverDeactivated() {
        assertThat(AdministratorRules.mayDeactivate("a", "b", true, 1))
                .hasValueSatisfying(r -> assertThat(r).contains("last"));
        assertThat(AdministratorRules.mayDeactivate("a", "b", true, 2)).isEmpty();
        assertThat(AdministratorRules.mayDeactivate("a", "b", false, 1)).isEmpty();
    }

    @Test
    void nobodyTakesAdminFromThemselvesButMayKeepIt() {
        assertThat(AdministratorRules.mayChangeRoles("a", "a", true, false, 3))
                .hasValueSatisfying(r -> assertThat(r).contains("yourself"));
        assertThat(AdministratorRules.mayChangeRoles("a", "a", true, true, 1)).isEmpty();
    }

    @Test
    void adminIsNotTakenFromTheLastActiveAdministrator() {
        assertThat(AdministratorRules.mayChangeRoles("a", "b", true, false, 1)).isPresent();
        assertThat(AdministratorRules.mayChangeRoles("a", "b", true, false, 2)).isEmpty();
        // an inactive administrator losing ADMIN leaves the active ones as they are
        assertThat(AdministratorRules.mayChangeRoles("a", "b", false, false, 1)).isEmpty();
    }

    @Test
    void rolesAreNormalisedAndUnknownOnesNamed() {
        List<InvalidField> errors = new ArrayList<>();
        assertThat(AdministratorRules.parseRoles(List.of(" admin", "EMPLOYEE", "Admin"), errors))
                .containsExactly("ADMIN", "EMPLOYEE");
        assertThat(errors).isEmpty();

        AdministratorRules.parseRoles(Arrays.asList("ROOT", null, "LEADER"), errors);
        assertThat(errors).extracting(InvalidField::field).containsExactly("roles[0]", "roles[1]");

        List<InvalidField> missing = new ArrayList<>();
        AdministratorRules.parseRoles(null, missing);
        assertThat(missing).extracting(InvalidField::field).containsExactly("roles");
    }

    @Test
    void onlyAdminIsStoredAsGranted() {
        assertThat(AdministratorRules.granted(List.of("EMPLOYEE", "LEADER", "ADMIN")))
                .containsExactly("ADMIN");
        assertThat(AdministratorRules.granted(List.of("EMPLOYEE", "LEADER"))).isEmpty();
    }
}

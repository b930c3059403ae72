package io.lead360.feedback.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lead360.feedback.web.InputError;
import io.lead360.feedback.web.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    private static String[] badFields(
            String action, String actorId, String targetId, String from, String to, String limit) {
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class, () -> AuditQuery.parse(action, actorId, targetId, from, to, limit));
        assertThat(e).as("expected a refusal").isNotNull();
        return e.errors().stream().map(InputError::field).toArray(String[]::new);
    }

    @Test
    void noFiltersMeansEverythingUpToTheDefaultLimit() {
        AuditQuery query = AuditQuery.parse(null, "", " ", null, null, null);
        assertThat(query).isEqualTo(new AuditQuery(null, null, null, null, null, AuditQuery.DEFAULT_LIMIT));
    }

    @Test
    void everyFilterIsParsed() {
        AuditQuery query =
                AuditQuery.parse("CYCLE_OPENED", "a1", "t1", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "1000");
        assertThat(query)
                .isEqualTo(new AuditQuery(
                        "CYCLE_OPENED",
                        "a1",
                        "t1",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-02-01T00:00:00Z"),
                        1000));
    }

    @Test
    void limitMustBeAWholeNumberFromOneToAThousand() {
        assertThat(badFields(null, null, null, null, null, "0")).containsExactly("limit");
        assertThat(badFields(null, null, null, null, null, "1001")).containsExactly("limit");
        assertThat(badFields(null, null, null, null, null, "ten")).containsExactly("limit");
        assertThat(badFields(null, null, null, null, null, "99999999999")).containsExactly("limit");
        assertThat(AuditQuery.parse(null, null, null, null, null, "1").limit()).isEqualTo(1);
    }

    @Test
    void datesMustBeInstantsInOrder() {
        assertThat(badFields(null, null, null, "yesterday", "2026-13-01", null)).containsExactly("from", "to");
        assertThat(badFields(null, null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null))
                .containsExactly("from");
    }

    @Test
    void actionsAreNamesAndIdsAreBounded() {
        assertThat(badFields("cycle_opened", null, null, null, null, null)).containsExactly("action");
        assertThat(badFields("{\"$ne\":null}", null, null, null, null, null)).containsExactly("action");
        assertThat(badFields(null, "x".repeat(201), "y".repeat(201), null, null, null))
                .containsExactly("actorId", "targetId");
    }
}

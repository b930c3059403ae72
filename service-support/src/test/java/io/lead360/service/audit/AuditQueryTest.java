package io.lead360.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query both services' {@code GET /api/audit} parse (was one copy each in feedback- and analytics-service). */
class AuditQueryTest {

    enum Action implements AuditLog.Action {
        CYCLE_OPENED,
        PROFILE_VIEWED
    }

    private static final List<Action> ACTIONS = List.of(Action.values());

    private static AuditQuery parse(
            String action, String actorId, String targetId, String from, String to, String limit) {
        return AuditQuery.parse(ACTIONS, action, actorId, targetId, from, to, limit);
    }

    private static String[] badFields(
            String action, String actorId, String targetId, String from, String to, String limit) {
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class, () -> parse(action, actorId, targetId, from, to, limit));
        assertThat(e).as("expected a refusal").isNotNull();
        return e.errors().stream().map(InvalidField::field).toArray(String[]::new);
    }

    @Test
    void noFiltersMeansEverythingUpToTheDefaultLimit() {
        AuditQuery query = parse(null, "", " ", null, null, null);
        assertThat(query).isEqualTo(new AuditQuery(null, null, null, null, null, AuditQuery.DEFAULT_LIMIT));
        assertThat(AuditQuery.DEFAULT_LIMIT).isEqualTo(100);
    }

    @Test
    void everyFilterIsParsed() {
        AuditQuery query =
                parse("CYCLE_OPENED", "a1", "t1", "2026-01-01T00:00:00Z", "2026-02-01T12:30:00+01:00", "1000");
        assertThat(query)
                .isEqualTo(new AuditQuery(
                        "CYCLE_OPENED",
                        "a1",
                        "t1",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-02-01T11:30:00Z"),
                        1000));
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        assertThat(badFields("DELETED_EVERYTHING", null, null, "yesterday", "2026-13-01", "many"))
                .containsExactly("action", "from", "to", "limit");
    }

    @Test
    void limitMustBeAWholeNumberFromOneToAThousand() {
        for (String limit : new String[] {"0", "-5", "1001", "ten", "99999999999"}) {
            assertThat(badFields(null, null, null, null, null, limit)).as(limit).containsExactly("limit");
        }
        assertThat(parse(null, null, null, null, null, "1").limit()).isEqualTo(1);
    }

    /** feedback-service used to accept from == to (an empty window) and name "from"; now both refuse it, naming "to". */
    @Test
    void toMustComeAfterFrom() {
        assertThat(badFields(null, null, null, "yesterday", "2026-13-01", null)).containsExactly("from", "to");
        assertThat(badFields(null, null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null))
                .containsExactly("to");
        assertThat(badFields(null, null, null, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", null))
                .containsExactly("to");
    }

    /** analytics-service used to accept any id length; now both cap ids at 200 characters. */
    @Test
    void actionsAreTheServicesOwnAndIdsAreBounded() {
        assertThat(badFields("cycle_opened", null, null, null, null, null)).containsExactly("action");
        assertThat(badFields("{\"$ne\":null}", null, null, null, null, null)).containsExactly("action");
        assertThat(badFields("PEOPLE_IMPORTED", null, null, null, null, null)).containsExactly("action");
        assertThat(badFields(null, "x".repeat(201), "y".repeat(201), null, null, null))
                .containsExactly("actorId", "targetId");
        assertThat(parse(null, "x".repeat(200), null, null, null, null).actorId())
                .hasSize(200);
    }
}

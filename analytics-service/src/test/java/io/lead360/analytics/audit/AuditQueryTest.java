package io.lead360.analytics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void everyFilterIsOptionalAndTheLimitDefaultsTo100() {
        AuditQuery query = AuditQuery.parse(null, "", " ", null, null, null);

        assertThat(query).isEqualTo(new AuditQuery(null, null, null, null, null, 100));
    }

    @Test
    void readsEveryFilter() {
        AuditQuery query = AuditQuery.parse(
                "PROFILE_VIEWED", "hr-1", "lea", "2026-01-01T00:00:00Z", "2026-02-01T12:30:00+01:00", "1000");

        assertThat(query)
                .isEqualTo(new AuditQuery(
                        AuditAction.PROFILE_VIEWED,
                        "hr-1",
                        "lea",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-02-01T11:30:00Z"),
                        1000));
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        assertThatThrownBy(() -> AuditQuery.parse("DELETED_EVERYTHING", null, null, "yesterday", "2026-13-01", "many"))
                .isInstanceOfSatisfying(
                        AuditQuery.InvalidAuditQuery.class,
                        e -> assertThat(e.violations())
                                .extracting(AuditQuery.Violation::field)
                                .containsExactly("action", "from", "to", "limit"));
    }

    @Test
    void theLimitStaysBetween1And1000() {
        for (String limit : new String[] {"0", "-5", "1001", "99999999999"}) {
            assertThatThrownBy(() -> AuditQuery.parse(null, null, null, null, null, limit))
                    .as(limit)
                    .isInstanceOf(AuditQuery.InvalidAuditQuery.class);
        }
        assertThat(AuditQuery.parse(null, null, null, null, null, "1").limit()).isEqualTo(1);
    }

    @Test
    void fromMustComeBeforeTo() {
        assertThatThrownBy(
                        () -> AuditQuery.parse(null, null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null))
                .isInstanceOfSatisfying(
                        AuditQuery.InvalidAuditQuery.class,
                        e -> assertThat(e.violations())
                                .extracting(AuditQuery.Violation::field)
                                .containsExactly("to"));
    }
}

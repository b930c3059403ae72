package io.lead360.service.audit;

import java.time.Instant;
import java.util.Map;

/** An entry of the audit log as the API shows it (docs/API.md, "Audit"). */
public record AuditView(
        String id,
        Instant at,
        String actorId,
        String action,
        String targetType,
        String targetId,
        Map<String, Object> details) {

    public static AuditView of(AuditEntry e) {
        return new AuditView(e.id(), e.at(), e.actorId(), e.action(), e.targetType(), e.targetId(), e.details());
    }
}

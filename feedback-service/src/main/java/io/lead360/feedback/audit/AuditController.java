package io.lead360.feedback.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Administrators read the audit log (ADMIN only, see SecurityConfig); nothing here changes it. */
@RestController
class AuditController {

    /** An entry as the API shows it. */
    record AuditView(String id, Instant at, String actorId, String action, String targetType, String targetId,
                     Map<String, Object> details) {

        static AuditView of(AuditEntry e) {
            return new AuditView(e.id(), e.at(), e.actorId(), e.action(), e.targetType(), e.targetId(), e.details());
        }
    }

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    /** Parameters arrive as text so that AuditQuery can name each bad one in the 400. */
    @GetMapping("/api/audit")
    List<AuditView> find(@RequestParam(required = false) String action,
                         @RequestParam(required = false) String actorId,
                         @RequestParam(required = false) String targetId,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) String limit) {
        return log.find(AuditQuery.parse(action, actorId, targetId, from, to, limit)).stream()
                .map(AuditView::of).toList();
    }
}

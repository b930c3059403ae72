package io.lead360.analytics.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** ADMIN only (see SecurityConfig); the gateway routes {@code /api/audit/reports} here. */
@RestController
@RequestMapping("/api/audit/reports")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    // Parameters arrive as text and are checked in one place, so every bad one gets the same 400 shape.
    @GetMapping
    List<AuditEntry> entries(@RequestParam(required = false) String action,
                             @RequestParam(required = false) String actorId,
                             @RequestParam(required = false) String targetId,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String limit) {
        return audit.find(AuditQuery.parse(action, actorId, targetId, from, to, limit));
    }
}

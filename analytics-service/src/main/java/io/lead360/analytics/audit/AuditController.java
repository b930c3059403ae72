package io.lead360.analytics.audit;

import io.lead360.service.audit.AuditFilter;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.audit.AuditView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (see SecurityConfig); the gateway routes {@code /api/audit/reports} here. */
@RestController
@RequestMapping("/api/audit/reports")
@Tag(name = "Audit", description = "The append-only log of report exports, administrators' profile reads and rebuilds")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    // Parameters arrive as text and are checked in one place, so every bad one gets the same 400 shape.
    @Operation(
            operationId = "findReportAuditEntries",
            summary = "Read the reports' audit log",
            description = "analytics-service's entries, newest first: `REPORT_EXPORTED`, `PROFILE_VIEWED`, "
                    + "`PROFILES_REBUILT`, each naming who did it. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The entries")
    @ApiResponse(responseCode = "400", description = "A bad parameter, named in `errors`")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @GetMapping
    List<AuditView> entries(@ParameterObject AuditFilter filter) {
        return audit.search(List.of(AuditAction.values()), filter);
    }
}

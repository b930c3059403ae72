package io.lead360.feedback.audit;

import io.lead360.service.audit.AuditFilter;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.audit.AuditView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read the audit log (ADMIN only, see SecurityConfig); nothing here changes it. */
@RestController
@Tag(
        name = "Audit",
        description = "The append-only log of what administrators and the system did; no entry holds an "
                + "answer or a comment")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    /** Parameters arrive as text so that the shared AuditQuery can name each bad one in the 400. */
    @Operation(
            operationId = "findAuditEntries",
            summary = "Read the audit log",
            description = "feedback-service's entries, newest first: people, templates, cycles, exports and erasures, "
                    + "each naming who did it. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The entries")
    @ApiResponse(responseCode = "400", description = "A bad parameter, named in `errors`")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @GetMapping("/api/audit")
    List<AuditView> find(@ParameterObject AuditFilter filter) {
        return log.search(List.of(AuditActions.values()), filter);
    }
}

package io.lead360.analytics.rebuild;

import io.lead360.analytics.audit.AuditAction;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (see SecurityConfig); {@code ./lead360 rebuild-profiles} calls it. */
@RestController
@RequestMapping("/api/admin/profiles/rebuild")
@Tag(name = "Operations", description = "Rebuilding every profile from the event topics")
class RebuildController {

    private final ProfileRebuilder rebuilder;
    private final AuditLog audit;

    RebuildController(ProfileRebuilder rebuilder, AuditLog audit) {
        this.rebuilder = rebuilder;
        this.audit = audit;
    }

    @Operation(
            operationId = "startRebuild",
            summary = "Rebuild every profile",
            description = "Replays both event topics into fresh collections and switches over atomically when done; "
                    + "what an erased subject's key sealed stays unreadable. Audited. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "202", useReturnTypeSchema = true, description = "The rebuild, RUNNING")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "409", description = "A rebuild is already running on this instance")
    @PostMapping
    ResponseEntity<ProfileRebuilder.Rebuild> start(JwtAuthenticationToken token) {
        ProfileRebuilder.Rebuild rebuild = rebuilder
                .start()
                .orElseThrow(() -> new ConflictException(
                        "Rebuild already running", "A rebuild is already running; wait for it to finish"));
        audit.record(
                token.getToken().getSubject(),
                AuditAction.PROFILES_REBUILT,
                AuditAction.PROFILES,
                rebuild.rebuildId(),
                Map.of());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild);
    }

    @Operation(
            operationId = "getRebuild",
            summary = "Follow a rebuild",
            description = "RUNNING, DONE or FAILED, with the number of events replayed. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The rebuild")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such rebuild on this instance")
    @GetMapping("/{rebuildId}")
    ProfileRebuilder.Rebuild status(@PathVariable String rebuildId) {
        return rebuilder
                .find(rebuildId)
                .orElseThrow(() -> new NotFoundException("Rebuild not found", "No rebuild " + rebuildId));
    }
}

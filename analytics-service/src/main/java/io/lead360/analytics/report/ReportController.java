package io.lead360.analytics.report;

import io.lead360.analytics.audit.AuditAction;
import io.lead360.analytics.profile.LeadershipProfile;
import io.lead360.analytics.profile.ProfileService;
import io.lead360.analytics.profile.Viewer;
import io.lead360.service.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A leader's profile as a PDF: the profile {@code profile/} computes, rendered by {@link ProfileReport}. */
@RestController
@RequestMapping("/api/profiles")
// the same tag as ProfileController's, word for word, so that the API document lists one "Profiles" tag
@Tag(
        name = "Profiles",
        description = "A leader's 360 profile for a cycle, computed with the anonymity rules on every "
                + "read: means on the 1 to 5 scale after reverse scoring, an anonymous group shown only from the threshold, "
                + "comments without author or time")
class ReportController {

    private final ProfileService profiles;
    private final AuditLog audit;

    ReportController(ProfileService profiles, AuditLog audit) {
        this.profiles = profiles;
        this.audit = audit;
    }

    /** The same profile (same access rules, same anonymity policy) as a PDF report. */
    @Operation(
            operationId = "getProfileReport",
            summary = "A leader's profile as a PDF",
            description = "The same profile, with the same access and anonymity rules, as a PDF report; every export "
                    + "is audited. Who may call it: ADMIN, or the subject themselves.")
    @ApiResponse(
            responseCode = "200",
            description = "The report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "Neither the subject nor an administrator")
    @ApiResponse(responseCode = "404", description = "No such profile, or (for the subject) not released yet")
    @ApiResponse(responseCode = "409", description = "The cycle is still OPEN, or results are still being prepared")
    @GetMapping("/{subjectId}/report.pdf")
    ResponseEntity<byte[]> report(
            @PathVariable String subjectId,
            @Parameter(
                            description = "the cycle; without it the latest released (administrators: "
                                    + "closed) cycle about the subject")
                    @RequestParam(required = false)
                    String cycleId,
            JwtAuthenticationToken token) {
        Viewer viewer = Viewer.of(token);
        LeadershipProfile profile = profiles.profile(viewer, subjectId, cycleId);
        byte[] pdf = ProfileReport.render(profile);
        audit.record(
                viewer.personId(),
                AuditAction.REPORT_EXPORTED,
                AuditAction.PROFILE,
                subjectId,
                Map.of("cycleId", profile.cycleId()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("lead360-profile-" + profile.cycleId() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}

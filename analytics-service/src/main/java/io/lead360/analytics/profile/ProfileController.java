package io.lead360.analytics.profile;

import io.lead360.analytics.audit.AuditAction;
import io.lead360.analytics.audit.AuditLog;
import io.lead360.analytics.report.ProfileReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping("/api/profiles")
class ProfileController {

    private static final String ADMIN = "ROLE_ADMIN";

    private final ProfileService profiles;
    private final AuditLog audit;

    ProfileController(ProfileService profiles, AuditLog audit) {
        this.profiles = profiles;
        this.audit = audit;
    }

    @GetMapping("/me")
    LeadershipProfile me(JwtAuthenticationToken token) {
        return profiles.ownLatest(viewer(token));
    }

    @GetMapping("/{subjectId}")
    LeadershipProfile profile(@PathVariable String subjectId, @RequestParam(required = false) String cycleId,
                              JwtAuthenticationToken token) {
        Viewer viewer = viewer(token);
        LeadershipProfile profile = profiles.profile(viewer, subjectId, cycleId);
        // Recorded before answering: an administrator's read of someone else's profile is never unaudited.
        if (viewer.admin() && !viewer.personId().equals(subjectId)) {
            audit.record(viewer.personId(), AuditAction.PROFILE_VIEWED, AuditLog.PROFILE, subjectId,
                    Map.of("cycleId", profile.cycleId()));
        }
        return profile;
    }

    /** The same profile (same access rules, same anonymity policy) as a PDF report. */
    @GetMapping("/{subjectId}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String subjectId, @RequestParam(required = false) String cycleId,
                                  JwtAuthenticationToken token) {
        Viewer viewer = viewer(token);
        LeadershipProfile profile = profiles.profile(viewer, subjectId, cycleId);
        byte[] pdf = ProfileReport.render(profile);
        audit.record(viewer.personId(), AuditAction.REPORT_EXPORTED, AuditLog.PROFILE, subjectId,
                Map.of("cycleId", profile.cycleId()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("lead360-profile-" + profile.cycleId() + ".pdf").build().toString())
                .body(pdf);
    }

    private static Viewer viewer(JwtAuthenticationToken token) {
        boolean admin = token.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ADMIN::equals);
        return new Viewer(token.getToken().getSubject(), admin);
    }
}

package io.lead360.analytics.profile;

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

@RestController
@RequestMapping("/api/profiles")
class ProfileController {

    private static final String ADMIN = "ROLE_ADMIN";

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/me")
    LeadershipProfile me(JwtAuthenticationToken token) {
        return profiles.ownLatest(viewer(token));
    }

    @GetMapping("/{subjectId}")
    LeadershipProfile profile(@PathVariable String subjectId, @RequestParam(required = false) String cycleId,
                              JwtAuthenticationToken token) {
        return profiles.profile(viewer(token), subjectId, cycleId);
    }

    /** The same profile (same access rules, same anonymity policy) as a PDF report. */
    @GetMapping("/{subjectId}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String subjectId, @RequestParam(required = false) String cycleId,
                                  JwtAuthenticationToken token) {
        LeadershipProfile profile = profiles.profile(viewer(token), subjectId, cycleId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("lead360-profile-" + profile.cycleId() + ".pdf").build().toString())
                .body(ProfileReport.render(profile));
    }

    private static Viewer viewer(JwtAuthenticationToken token) {
        boolean admin = token.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ADMIN::equals);
        return new Viewer(token.getToken().getSubject(), admin);
    }
}

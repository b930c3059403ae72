package io.lead360.analytics.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (see SecurityConfig); {@code ./lead360 rebuild-profiles} calls it. */
@RestController
@RequestMapping("/api/admin/profiles/rebuild")
class RebuildController {

    private final ProfileRebuilder rebuilder;

    RebuildController(ProfileRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping
    ResponseEntity<ProfileRebuilder.Rebuild> start() {
        return rebuilder.start()
                .map(r -> ResponseEntity.status(HttpStatus.ACCEPTED).body(r))
                .orElseThrow(() -> problem(HttpStatus.CONFLICT, "Rebuild already running",
                        "A rebuild is already running; wait for it to finish"));
    }

    @GetMapping("/{rebuildId}")
    ProfileRebuilder.Rebuild status(@PathVariable String rebuildId) {
        return rebuilder.find(rebuildId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Rebuild not found",
                "No rebuild " + rebuildId));
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}

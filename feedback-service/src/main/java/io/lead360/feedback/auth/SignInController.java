package io.lead360.feedback.auth;

import io.lead360.service.problem.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's sign-in backend (SERVICE token only, see SecurityConfig): checks credentials, starts,
 * refreshes and ends sessions, and turns a single sign-on into a session. Every refusal is the same
 * 401, so that no answer tells whether an email exists.
 */
@RestController
@RequestMapping("/internal/auth")
class SignInController {

    private final PersonDirectory people;
    private final Sessions sessions;
    private final SsoCodes ssoCodes;

    SignInController(PersonDirectory people, Sessions sessions, SsoCodes ssoCodes) {
        this.people = people;
        this.sessions = sessions;
        this.ssoCodes = ssoCodes;
    }

    record Credentials(String email, String password) {

        @Override
        public String toString() {
            return "Credentials[email=" + email + "]";
        }
    }

    record RefreshRequest(String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[]";
        }
    }

    record SsoRequest(String email) {}

    record SsoCode(String code) {

        @Override
        public String toString() {
            return "SsoCode[]";
        }
    }

    record SessionView(String id, String refreshToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "SessionView[id=" + id + "]";
        }
    }

    /** The person fields of ARCHITECTURE.md's Identity plus the session the access token must name as sid. */
    record SignedIn(String id, String email, String name, List<String> roles, String managerId, SessionView session) {

        static SignedIn of(PersonDirectory.Identity p, Sessions.Issued issued) {
            return new SignedIn(
                    p.id(),
                    p.email(),
                    p.name(),
                    p.roles(),
                    p.managerId(),
                    new SessionView(issued.sessionId(), issued.refreshToken(), issued.refreshExpiresAt()));
        }
    }

    @PostMapping("/verify")
    ResponseEntity<?> verify(@RequestBody Credentials credentials) {
        return signedIn(people.verify(credentials.email(), credentials.password())
                .map(p -> SignedIn.of(p, sessions.start(p.id()))));
    }

    /** Rotates the token; the person must still be active, and their roles are read again now. */
    @PostMapping("/refresh")
    ResponseEntity<?> refresh(@RequestBody RefreshRequest request) {
        return signedIn(sessions.refresh(request.refreshToken()).flatMap(issued -> {
            Optional<PersonDirectory.Identity> person = people.findActive(issued.personId());
            if (person.isEmpty()) {
                sessions.revoke(issued.sessionId());
            }
            return person.map(p -> SignedIn.of(p, issued));
        }));
    }

    @PostMapping("/sso")
    ResponseEntity<?> sso(@RequestBody SsoRequest request) {
        return people.findActiveByEmail(request.email())
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(new SsoCode(ssoCodes.issue(p.id()))))
                .orElseGet(SignInController::refused);
    }

    @PostMapping("/sso/redeem")
    ResponseEntity<?> redeem(@RequestBody SsoCode request) {
        return signedIn(ssoCodes.redeem(request.code())
                .flatMap(people::findActive)
                .map(p -> SignedIn.of(p, sessions.start(p.id()))));
    }

    /** Live, and the person's: the gateway asks with the token's subject, so that a token naming another's session fails. */
    @GetMapping("/sessions/{sessionId}")
    ResponseEntity<Void> session(@PathVariable String sessionId, @RequestParam String personId) {
        if (!sessions.isLive(sessionId, personId)) {
            throw new NotFoundException("No live session");
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/sessions/{sessionId}")
    ResponseEntity<Void> signOut(@PathVariable String sessionId) {
        sessions.revoke(sessionId);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<?> signedIn(Optional<SignedIn> signedIn) {
        return signedIn.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(SignInController::refused);
    }

    private static ResponseEntity<?> refused() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Bad credentials"));
    }
}

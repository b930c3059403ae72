package io.lead360.feedback.auth;

import io.lead360.feedback.person.PersonService;
import io.lead360.feedback.person.PersonView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The gateway's sign-in check (SERVICE token only, see SecurityConfig). */
@RestController
class VerifyController {

    private final PersonService people;

    VerifyController(PersonService people) {
        this.people = people;
    }

    record Credentials(String email, String password) {
    }

    /** Exactly the fields the gateway's contract names (ARCHITECTURE.md, Identity). */
    record Verified(String id, String email, String name, List<String> roles, String managerId) {

        static Verified of(PersonView p) {
            return new Verified(p.id(), p.email(), p.name(), p.roles(), p.managerId());
        }
    }

    @PostMapping("/internal/auth/verify")
    ResponseEntity<?> verify(@RequestBody Credentials credentials) {
        return people.verify(credentials.email(), credentials.password())
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(Verified.of(p)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Bad credentials")));
    }
}

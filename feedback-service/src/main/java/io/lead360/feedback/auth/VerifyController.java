package io.lead360.feedback.auth;

import io.lead360.feedback.person.PersonService;
import io.lead360.feedback.person.PersonView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The gateway's sign-in check (SERVICE token only, see SecurityConfig). */
@RestController
class VerifyController {

    private final PersonService people;

    VerifyController(PersonService people) {
        this.people = people;
    }

    record Credentials(String email, String password) {
    }

    @PostMapping("/internal/auth/verify")
    ResponseEntity<?> verify(@RequestBody Credentials credentials) {
        return people.verify(credentials.email(), credentials.password())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Bad credentials")));
    }
}

package io.lead360.feedback.password;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Public (no token): the gateway rate-limits both per client address. */
@RestController
class PasswordController {

    private final PasswordReset reset;

    PasswordController(PasswordReset reset) {
        this.reset = reset;
    }

    record ResetRequest(String email) {
    }

    record NewPassword(String token, String password) {
    }

    /** 202 always: the same answer for a known and an unknown address. */
    @PostMapping("/api/auth/password-reset")
    ResponseEntity<Void> requestLink(@RequestBody(required = false) ResetRequest body) {
        reset.requestLink(body == null ? null : body.email());
        return ResponseEntity.accepted().build();
    }

    /** 204; every session of the person ends; a used, expired or unknown token → 400. */
    @PostMapping("/api/auth/password")
    ResponseEntity<Void> setPassword(@RequestBody(required = false) NewPassword body) {
        reset.setPassword(body == null ? null : body.token(), body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }
}

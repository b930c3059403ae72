package io.lead360.feedback.password;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Public (no token): the gateway rate-limits both per client address. */
@RestController
@Tag(
        name = "Passwords",
        description = "Set a password through a link sent by mail: for people imported without one, "
                + "and for a forgotten one")
class PasswordController {

    private final PasswordReset reset;

    PasswordController(PasswordReset reset) {
        this.reset = reset;
    }

    record ResetRequest(String email) {}

    record NewPassword(String token, String password) {}

    /** 202 always: the same answer for a known and an unknown address. */
    @Operation(
            operationId = "requestPasswordLink",
            summary = "Mail a set-password link",
            description =
                    "Mails the person with this address a single-use link to set a password (valid 24 hours; at "
                            + "most one mail per address in 5 minutes). The answer is the same whether or not the address is "
                            + "known. Who may call it: anyone, without a token; rate-limited per client address by the gateway.")
    @SecurityRequirements
    @ApiResponse(responseCode = "202", description = "Accepted: a mail is on its way if the address is known")
    @ApiResponse(responseCode = "429", description = "Too many attempts from this address")
    @PostMapping("/api/auth/password-reset")
    ResponseEntity<Void> requestLink(@RequestBody(required = false) ResetRequest body) {
        reset.requestLink(body == null ? null : body.email());
        return ResponseEntity.accepted().build();
    }

    /** 204; every session of the person ends; a used, expired or unknown token → 400. */
    @Operation(
            operationId = "setPassword",
            summary = "Set a password with a link's token",
            description =
                    "Sets the password (8 to 72 bytes) of the person the link was made for and ends every session "
                            + "of theirs. The token is single-use. Who may call it: anyone holding the token (no bearer token); rate-limited per client "
                            + "address by the gateway.")
    @SecurityRequirements
    @ApiResponse(responseCode = "204", description = "The password is set")
    @ApiResponse(
            responseCode = "400",
            description = "The token is used, expired or unknown, or the password is too " + "short or too long")
    @ApiResponse(responseCode = "429", description = "Too many attempts from this address")
    @PostMapping("/api/auth/password")
    ResponseEntity<Void> setPassword(@RequestBody(required = false) NewPassword body) {
        reset.setPassword(body == null ? null : body.token(), body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }
}

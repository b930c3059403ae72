package io.lead360.gateway.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/auth/token; also what the gateway forwards to feedback-service. */
public record SignInRequest(
        @NotBlank @Size(max = 320) String email,
        @NotBlank @Size(max = 1024) String password) {

    @Override
    public String toString() {
        // keeps the password out of logs and exception messages
        return "SignInRequest[email=" + email + "]";
    }
}

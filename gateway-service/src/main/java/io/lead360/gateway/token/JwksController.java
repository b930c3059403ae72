package io.lead360.gateway.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public key set (GET /.well-known/jwks.json) with which anyone can check a lead360 access token. */
@RestController
@Tag(name = SignInApi.TAG, description = SignInApi.DESCRIPTION)
class JwksController {

    private final SigningKeys signingKeys;

    JwksController(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @Operation(
            operationId = "getJwks",
            summary = "The gateway's public keys",
            description = "The JSON Web Key Set (RFC 7517) with which anyone can check an access token's RS256 "
                    + "signature: the current key and every key rotated out that is still accepted. Public halves "
                    + "only; cacheable for 5 minutes. Who may call it: anyone (no token).")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The key set")
    @ApiResponse(responseCode = "406", description = "The request's `Accept` rules out JSON")
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(signingKeys.publicKeySet().toJSONObject());
    }
}

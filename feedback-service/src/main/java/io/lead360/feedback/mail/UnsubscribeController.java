package io.lead360.feedback.mail;

import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public (the token is the proof): POST only, so that a link checker opening the URL changes nothing. */
@RestController
@Tag(name = "Mail", description = "What mail a person gets from lead360")
class UnsubscribeController {

    private final Unsubscribe unsubscribe;

    UnsubscribeController(Unsubscribe unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    /** RFC 8058 one-click (body {@code List-Unsubscribe=One-Click}, ignored) and the web page alike. */
    @Operation(
            operationId = "unsubscribe",
            summary = "Stop reminder mails (one-click link)",
            description =
                    "Turns reminder mails off for the person the token in a mail's link was made for "
                            + "(RFC 8058 one-click: a body `List-Unsubscribe=One-Click` is accepted and ignored). Invitations "
                            + "and results-ready mails still come. Who may call it: anyone holding the token (no bearer token).")
    @SecurityRequirements
    @ApiResponse(
            responseCode = "200",
            description = "Reminders are off",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            examples =
                                    @io.swagger.v3.oas.annotations.media.ExampleObject(
                                            value = "{\"reminders\":false}")))
    @ApiResponse(responseCode = "400", description = "The token is missing or not a valid link")
    @ApiResponse(responseCode = "429", description = "Too many attempts from this address")
    @PostMapping("/api/mail/unsubscribe")
    Map<String, Boolean> unsubscribe(@RequestParam(required = false) String token) {
        if (!unsubscribe.unsubscribe(token)) {
            throw new InvalidInputException(
                    "Not unsubscribed", List.of(InvalidField.field("token", "is not a valid link")));
        }
        return Map.of("reminders", false);
    }
}

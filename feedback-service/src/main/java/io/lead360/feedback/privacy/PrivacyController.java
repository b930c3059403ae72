package io.lead360.feedback.privacy;

import io.lead360.feedback.auth.Caller;
import io.lead360.service.problem.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GDPR: a person exports their own data; an administrator exports anyone's (a data-subject request)
 * or erases a person. SecurityConfig lets only ADMIN reach the last two; they check again here.
 */
@RestController
@Tag(
        name = "Personal data",
        description =
                "Data-subject rights: a person's export of everything lead360 stores about " + "them, and erasure")
class PrivacyController {

    private final PersonalData personalData;
    private final Erasure erasure;

    PrivacyController(PersonalData personalData, Erasure erasure) {
        this.personalData = personalData;
        this.erasure = erasure;
    }

    @Operation(
            operationId = "exportMyData",
            summary = "Export my data",
            description = "Everything lead360 stores about the caller: `person`, `sessions` (ids shortened), "
                    + "`feedbackRequests` asked of them with status, draft and decline reason, `cyclesAsSubject` with "
                    + "counts by the progress rules (`responses: null` while a cycle is OPEN), `nominations` and "
                    + "`auditEntries`. No hash or secret. Audited. Who may call it: anyone signed in (their own data).")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The export")
    @GetMapping("/api/me/data")
    Map<String, Object> mine(Authentication authentication) {
        return personalData.export(authentication.getName(), authentication.getName());
    }

    @Operation(
            operationId = "exportPersonData",
            summary = "Export a person's data",
            description = "A data-subject request: the same export as the person's own, but the requests asked of the "
                    + "person come without status, draft or decline reason, so that it never shows how they rated. "
                    + "Audited. Who may call it: ADMIN.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The export")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such person")
    @GetMapping("/api/people/{id}/data")
    Map<String, Object> of(@PathVariable String id, Authentication authentication) {
        return personalData.export(id, admin(authentication).personId());
    }

    @Operation(
            operationId = "erasePerson",
            summary = "Erase a person",
            description = "Deletes the person's record, sessions, nominations, every request asked of them or about "
                    + "them and their ballots, and destroys their subject key, so that nothing ever published about "
                    + "them can be read again; profiles about them are deleted. Answers they gave stay, anonymous, in "
                    + "others' profiles. A second call answers 204 and finishes an interrupted erasure. Who may call "
                    + "it: ADMIN.")
    @ApiResponse(responseCode = "204", description = "Erased")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such person")
    @ApiResponse(responseCode = "409", description = "The caller themselves")
    @DeleteMapping("/api/people/{id}")
    ResponseEntity<Void> erase(@PathVariable String id, Authentication authentication) {
        erasure.erase(id, admin(authentication).personId());
        return ResponseEntity.noContent().build();
    }

    private static Caller admin(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.admin()) {
            throw new ForbiddenException("Only an administrator may do this");
        }
        return caller;
    }
}

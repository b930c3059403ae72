package io.lead360.feedback.privacy;

import io.lead360.feedback.auth.Caller;
import io.lead360.feedback.web.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * GDPR: a person exports their own data; an administrator exports anyone's (a data-subject request)
 * or erases a person. SecurityConfig lets only ADMIN reach the last two; they check again here.
 */
@RestController
class PrivacyController {

    private final PersonalData personalData;
    private final Erasure erasure;

    PrivacyController(PersonalData personalData, Erasure erasure) {
        this.personalData = personalData;
        this.erasure = erasure;
    }

    @GetMapping("/api/me/data")
    Map<String, Object> mine(Authentication authentication) {
        return personalData.export(authentication.getName(), authentication.getName());
    }

    @GetMapping("/api/people/{id}/data")
    Map<String, Object> of(@PathVariable String id, Authentication authentication) {
        return personalData.export(id, admin(authentication).personId());
    }

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

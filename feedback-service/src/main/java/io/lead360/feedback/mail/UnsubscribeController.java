package io.lead360.feedback.mail;

import io.lead360.feedback.web.InputError;
import io.lead360.feedback.web.InvalidInputException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Public (the token is the proof): POST only, so that a link checker opening the URL changes nothing. */
@RestController
class UnsubscribeController {

    private final Unsubscribe unsubscribe;

    UnsubscribeController(Unsubscribe unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    /** RFC 8058 one-click (body {@code List-Unsubscribe=One-Click}, ignored) and the web page alike. */
    @PostMapping("/api/mail/unsubscribe")
    Map<String, Boolean> unsubscribe(@RequestParam(required = false) String token) {
        if (!unsubscribe.unsubscribe(token)) {
            throw new InvalidInputException("Not unsubscribed", List.of(InputError.field("token", "is not a valid link")));
        }
        return Map.of("reminders", false);
    }
}

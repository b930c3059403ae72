package io.lead360.feedback.mail;

import io.lead360.feedback.person.PersonService;
import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A person's own mail settings (any person, for themselves only: there is no id in the path). */
@RestController
@Tag(name = "Mail")
class NotificationsController {

    private final PersonService people;

    NotificationsController(PersonService people) {
        this.people = people;
    }

    /**
     * @param reminders whether reminder mails come (invitations and results-ready mails always do)
     * @param language  the language of the mails ("en", "de"), or null for the organisation's default
     */
    record Notifications(Boolean reminders, String language) {}

    @Operation(
            operationId = "getNotifications",
            summary = "My mail settings",
            description = "Whether reminder mails come, and the language of the mails (null: the organisation's "
                    + "default). Who may call it: any signed-in person, for themselves.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The caller's settings")
    @ApiResponse(responseCode = "404", description = "The caller is not a person of the organisation (any more)")
    @GetMapping("/api/me/notifications")
    Notifications get(Authentication caller) {
        PersonService.Contact me = people.contactsOf(List.of(caller.getName())).get(caller.getName());
        if (me == null) {
            throw new io.lead360.service.problem.NotFoundException("No person " + caller.getName());
        }
        return new Notifications(me.wantsReminders(), me.language());
    }

    @Operation(
            operationId = "putNotifications",
            summary = "Change my mail settings",
            description = "`reminders` (required, true or false) and `language` (`en`, `de`, or null for the "
                    + "organisation's default). Invitations and results-ready mails always come. Who may call it: any "
                    + "signed-in person, for themselves.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The settings now")
    @ApiResponse(responseCode = "400", description = "`reminders` missing or `language` not one of en, de")
    @PutMapping("/api/me/notifications")
    Notifications put(@RequestBody(required = false) Notifications body, Authentication caller) {
        List<InvalidField> errors = new ArrayList<>();
        if (body == null || body.reminders() == null) {
            errors.add(InvalidField.field("reminders", "is required (true or false)"));
        }
        if (body != null && body.language() != null && !MailTemplates.LANGUAGES.contains(body.language())) {
            errors.add(InvalidField.field(
                    "language", "must be one of " + new TreeSet<>(MailTemplates.LANGUAGES) + " or null"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The settings were not changed", errors);
        }
        people.setReminders(caller.getName(), body.reminders());
        people.setLanguage(caller.getName(), body.language());
        return get(caller);
    }
}

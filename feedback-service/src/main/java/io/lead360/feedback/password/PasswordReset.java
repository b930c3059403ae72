package io.lead360.feedback.password;

import io.lead360.feedback.mail.MailKind;
import io.lead360.feedback.mail.MailTemplates;
import io.lead360.feedback.mail.Mailbox;
import io.lead360.feedback.person.PersonService;
import io.lead360.feedback.person.PersonView;
import io.lead360.feedback.web.InputError;
import io.lead360.feedback.web.InvalidInputException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * "Forgot my password" and "set my password": asking answers the same whether or not the address is
 * known (so nobody learns who works here); a known, active person gets a mail with a single-use link
 * (at most one per few minutes); following it sets the password, ends every session of the person and
 * is audited.
 */
@Service
class PasswordReset implements SchedulingConfigurer {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72; // bcrypt ignores anything longer: refused rather than cut

    private final PersonService people;
    private final PasswordLinks links;
    private final Mailbox mailbox;
    private final MailTemplates templates;

    PasswordReset(PersonService people, PasswordLinks links, Mailbox mailbox, MailTemplates templates) {
        this.people = people;
        this.links = links;
        this.mailbox = mailbox;
        this.templates = templates;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(links::purgeExpired, Duration.ofMinutes(10));
    }

    void requestLink(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        PersonView person = people.findActiveByEmail(email).orElse(null);
        if (person == null || links.recentlyCreated(person.id())) {
            return;
        }
        String link = links.create(person.id());
        var contact = people.contactsOf(List.of(person.id())).get(person.id());
        var locale = templates.localeFor(contact == null ? null : contact.language());
        var mail = templates.render("password-reset", locale,
                Map.of("name", person.name(), "link", link, "hours", links.hours()), new Object[0], Map.of());
        // each link its own message: the identity holds the link's one-way hash, never the link
        mailbox.enqueue("reset|" + person.id() + "|" + io.lead360.feedback.auth.Secrets.sha256Hex(link), MailKind.PASSWORD_RESET,
                null, person.id(), person.email(), mail);
    }

    void setPassword(String token, String password) {
        List<InputError> errors = new java.util.ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            errors.add(InputError.field("password", "must be at least " + MIN_LENGTH + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.add(InputError.field("password", "must be at most " + MAX_BYTES + " bytes"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The password was not set", errors);
        }
        String personId = links.redeem(token).orElseThrow(() -> new InvalidInputException("The password was not set",
                List.of(InputError.field("token", "is unknown, used or expired: ask for a new link"))));
        people.setPassword(personId, password, "link");
    }
}

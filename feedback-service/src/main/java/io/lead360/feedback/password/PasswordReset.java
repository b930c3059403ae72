package io.lead360.feedback.password;

import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.mail.MailComposer;
import io.lead360.feedback.mail.MailKind;
import io.lead360.feedback.mail.MailTemplates;
import io.lead360.feedback.mail.Mailbox;
import io.lead360.feedback.person.PasswordRules;
import io.lead360.feedback.person.PersonService;
import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * "Forgot my password" and "set my password": asking answers the same whether or not the address is
 * known (so nobody learns who works here); a known, active person gets a mail with a single-use link
 * (at most one per reset interval); following it sets the password, ends every session of the person and
 * is audited.
 */
@Service
class PasswordReset implements SchedulingConfigurer, MailComposer {

    private final PersonService people;
    private final PasswordLinks links;
    private final Mailbox mailbox;
    private final MailTemplates templates;
    private final FeedbackProperties.Mail settings;
    private final Clock clock;

    PasswordReset(
            PersonService people,
            PasswordLinks links,
            Mailbox mailbox,
            MailTemplates templates,
            FeedbackProperties properties,
            Clock clock) {
        this.people = people;
        this.links = links;
        this.mailbox = mailbox;
        this.templates = templates;
        this.settings = properties.mail();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(links::purgeExpired, Duration.ofMinutes(10));
    }

    /**
     * Queues the mail; its link is made only when the mail is written, right before it goes out. At most
     * one per person and reset interval: a second ask within it is the same message.
     */
    void requestLink(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        people.findActiveByEmail(email).ifPresent(person -> {
            long window = clock.instant().getEpochSecond()
                    / Math.max(1, settings.passwordResetInterval().toSeconds());
            mailbox.enqueue(MailKind.PASSWORD_RESET, null, person.id(), Long.toString(window));
        });
    }

    @Override
    public Set<MailKind> kinds() {
        return Set.of(MailKind.PASSWORD_RESET);
    }

    @Override
    public Composition compose(MailKind kind, String cycleId, String personId) {
        PersonService.Contact contact = people.contactsOf(List.of(personId)).get(personId);
        if (contact == null || !contact.active()) {
            return new Cancel("person gone");
        }
        String link = links.create(personId, settings.passwordLinkTtl());
        return new Send(
                contact.email(),
                templates.render(
                        "password-reset",
                        templates.localeFor(contact.language()),
                        Map.of(
                                "name",
                                contact.name(),
                                "link",
                                link,
                                "hours",
                                settings.passwordLinkTtl().toHours()),
                        new Object[0],
                        Map.of()));
    }

    void setPassword(String token, String password) {
        List<InvalidField> errors = new java.util.ArrayList<>();
        PasswordRules.problem(password).ifPresent(problem -> errors.add(InvalidField.field("password", problem)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The password was not set", errors);
        }
        String personId = links.redeem(token)
                .orElseThrow(() -> new InvalidInputException(
                        "The password was not set",
                        List.of(InvalidField.field("token", "is unknown, used or expired: ask for a new link"))));
        people.setPassword(personId, password, "link");
    }
}

package io.lead360.feedback.cycle;

import io.lead360.events.Relationship;
import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.mail.MailComposer;
import io.lead360.feedback.mail.MailKind;
import io.lead360.feedback.mail.MailTemplates;
import io.lead360.feedback.mail.Mailbox;
import io.lead360.feedback.mail.RenderedMail;
import io.lead360.feedback.mail.Unsubscribe;
import io.lead360.feedback.password.PasswordLinks;
import io.lead360.feedback.person.PersonService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The mails of a cycle. Queuing them is cheap and repeatable (one per person and occasion, see
 * {@link Mailbox}); they are written right before they go out, from what holds then:
 * <ul>
 *   <li>an <b>invitation</b> per rater, listing every request of theirs in the cycle with a link to it,
 *       and a set-password link for someone who has no password yet (unless everyone signs in with single
 *       sign-on); not sent once the cycle has closed;</li>
 *   <li>a <b>reminder</b> per rater and reminder point, listing what is still open; not sent to someone who
 *       has answered everything meanwhile, turned reminders off, or once the cycle has closed;</li>
 *   <li>a <b>results-ready</b> mail per subject once the results are released.</li>
 * </ul>
 * Nobody is written to who has been deactivated or erased.
 */
@Component
class CycleMail implements MailComposer {

    private final MongoTemplate mongo;
    private final Mailbox mailbox;
    private final MailTemplates templates;
    private final CycleRequests requests;
    private final PersonService people;
    private final PasswordLinks passwordLinks;
    private final Unsubscribe unsubscribe;
    private final FeedbackProperties.Mail settings;
    private final Clock clock;

    CycleMail(
            MongoTemplate mongo,
            Mailbox mailbox,
            MailTemplates templates,
            CycleRequests requests,
            PersonService people,
            PasswordLinks passwordLinks,
            Unsubscribe unsubscribe,
            FeedbackProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.mailbox = mailbox;
        this.templates = templates;
        this.requests = requests;
        this.people = people;
        this.passwordLinks = passwordLinks;
        this.unsubscribe = unsubscribe;
        this.settings = properties.mail();
        this.clock = clock;
    }

    /** @return how many invitations were queued now (none the second time) */
    int queueInvitations(String cycleId) {
        return mailbox.enqueueAll(MailKind.INVITATION, cycleId, requests.pendingRaters(cycleId), "");
    }

    /**
     * One reminder per rater with something still open who wants reminders.
     *
     * @param occasion the reminder point (e.g. "PT24H") or the administrator's "remind now": a reminder
     *                 for an occasion is queued once
     * @return how many were queued now
     */
    int queueReminders(String cycleId, String occasion) {
        Collection<String> raters = requests.pendingRaters(cycleId);
        List<String> wanting = people.contactsOf(raters).values().stream()
                .filter(c -> c.active() && c.wantsReminders())
                .map(PersonService.Contact::id)
                .toList();
        return mailbox.enqueueAll(MailKind.REMINDER, cycleId, wanting, occasion);
    }

    /** @return how many results-ready mails were queued now */
    int queueResultsReady(Cycle cycle) {
        return mailbox.enqueueAll(MailKind.RESULTS_READY, cycle.id(), cycle.subjectIds(), "");
    }

    @Override
    public Set<MailKind> kinds() {
        return Set.of(MailKind.INVITATION, MailKind.REMINDER, MailKind.RESULTS_READY);
    }

    @Override
    public Composition compose(MailKind kind, String cycleId, String personId) {
        Cycle cycle = mongo.findById(cycleId, Cycle.class);
        PersonService.Contact to = people.contactsOf(List.of(personId)).get(personId);
        if (cycle == null || to == null || !to.active()) {
            return new Cancel("cycle or person gone");
        }
        Locale locale = templates.localeFor(to.language());
        return switch (kind) {
            case INVITATION, REMINDER -> {
                if (cycle.status() != CycleStatus.OPEN) {
                    yield new Cancel("cycle " + cycle.status());
                }
                if (kind == MailKind.REMINDER && !to.wantsReminders()) {
                    yield new Cancel("reminders turned off");
                }
                List<CycleRequests.Pending> open = requests.pendingOf(cycleId, personId);
                if (open.isEmpty()) {
                    yield new Cancel("nothing open");
                }
                yield new Send(
                        to.email(),
                        kind == MailKind.INVITATION
                                ? invitation(cycle, to, open, locale)
                                : reminder(cycle, to, open, locale));
            }
            case RESULTS_READY ->
                cycle.status() == CycleStatus.RELEASED
                        ? new Send(
                                to.email(),
                                templates.render(
                                        "results-ready",
                                        locale,
                                        Map.of(
                                                "name",
                                                to.name(),
                                                "cycle",
                                                cycle.name(),
                                                "profileLink",
                                                settings.publicUrl() + "/#/profile"),
                                        new Object[] {cycle.name()},
                                        Map.of()))
                        : new Cancel("cycle " + cycle.status());
            case PASSWORD_RESET -> throw new IllegalArgumentException("not a cycle's mail: " + kind);
        };
    }

    private RenderedMail invitation(
            Cycle cycle, PersonService.Contact to, List<CycleRequests.Pending> open, Locale locale) {
        Map<String, Object> model = model(cycle, to, open, locale);
        if (!to.hasPassword() && settings.passwordLinks()) {
            model.put("passwordLink", passwordLinks.create(to.id(), settings.invitationLinkTtl()));
            model.put("passwordUntil", format(clock.instant().plus(settings.invitationLinkTtl()), locale));
        }
        return templates.render("invitation", locale, model, new Object[] {cycle.name()}, Map.of());
    }

    private RenderedMail reminder(
            Cycle cycle, PersonService.Contact to, List<CycleRequests.Pending> open, Locale locale) {
        Map<String, Object> model = model(cycle, to, open, locale);
        model.put("unsubscribeLink", unsubscribe.pageLink(to.id()));
        return templates.render("reminder", locale, model, new Object[] {cycle.name()}, unsubscribe.headers(to.id()));
    }

    /** One line of the mail per open request: whom it is about, as what, and the link to its questionnaire. */
    record Line(String subject, String relationship, String link) {}

    private Map<String, Object> model(
            Cycle cycle, PersonService.Contact to, List<CycleRequests.Pending> open, Locale locale) {
        Map<String, String> names = people.namesOf(
                open.stream().map(CycleRequests.Pending::subjectId).toList());
        List<Line> lines = open.stream()
                .map(r -> new Line(
                        r.relationship() == Relationship.SELF ? to.name() : names.getOrDefault(r.subjectId(), "?"),
                        templates.text("relationship." + r.relationship(), locale),
                        settings.publicUrl() + "/#/feedback/"
                                + URLEncoder.encode(r.requestId(), StandardCharsets.UTF_8)))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("name", to.name());
        model.put("cycle", cycle.name());
        model.put("requests", lines);
        model.put("closesAt", cycle.closesAt() == null ? null : format(cycle.closesAt(), locale));
        return model;
    }

    private String format(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG)
                .withLocale(locale)
                .withZone(settings.timeZone())
                .format(instant);
    }
}

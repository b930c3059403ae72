package io.lead360.feedback.cycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.events.FeedbackEvent;
import io.lead360.events.Relationship;
import io.lead360.feedback.audit.AuditActions;
import io.lead360.feedback.auth.Caller;
import io.lead360.feedback.ballot.Ballots;
import io.lead360.feedback.ballot.Participation;
import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.keys.SubjectKeys;
import io.lead360.feedback.outbox.OutboxEntries;
import io.lead360.feedback.outbox.OutboxEntry;
import io.lead360.feedback.person.PersonService;
import io.lead360.feedback.request.FeedbackRequests;
import io.lead360.feedback.request.NewRequest;
import io.lead360.feedback.template.Template;
import io.lead360.feedback.template.Templates;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import io.lead360.service.problem.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Cycles: creation and the DRAFT → OPEN → CLOSED → RELEASED transitions with their events. */
@Service
public class CycleService {

    private final MongoTemplate mongo;
    private final Templates templates;
    private final PersonService people;
    private final FeedbackRequests requests;
    private final Ballots ballots;
    private final SubjectKeys keys;
    private final CycleEvents events;
    private final OutboxEntries outbox;
    private final Nominations nominations;
    private final FeedbackProperties properties;
    private final AuditLog audit;
    private final CycleMail mail;
    private final Clock clock;

    CycleService(
            MongoTemplate mongo,
            Templates templates,
            PersonService people,
            FeedbackRequests requests,
            Ballots ballots,
            SubjectKeys keys,
            CycleEvents events,
            OutboxEntries outbox,
            Nominations nominations,
            FeedbackProperties properties,
            AuditLog audit,
            CycleMail mail,
            Clock clock) {
        this.mongo = mongo;
        this.templates = templates;
        this.people = people;
        this.requests = requests;
        this.ballots = ballots;
        this.keys = keys;
        this.events = events;
        this.outbox = outbox;
        this.nominations = nominations;
        this.properties = properties;
        this.audit = audit;
        this.mail = mail;
        this.clock = clock;
    }

    CycleView create(CreateCycle body, String actorId) {
        List<InvalidField> errors = new ArrayList<>();
        if (templates.find(body.templateId()).isEmpty()) {
            errors.add(InvalidField.field("templateId", "unknown template " + body.templateId()));
        }
        List<String> subjectIds;
        if (body.everyLeader()) {
            if (!body.subjects().isEmpty()) {
                errors.add(InvalidField.field("subjectIds", "give either subjectIds or allLeaders, not both"));
            }
            // "all leaders" is resolved now, so that subjects can nominate raters while the cycle is a draft
            subjectIds = people.leaderIds();
            if (subjectIds.isEmpty()) {
                errors.add(InvalidField.field("allLeaders", "nobody has direct reports"));
            }
        } else {
            subjectIds = body.subjects().stream().distinct().toList();
            if (subjectIds.isEmpty()) {
                errors.add(InvalidField.field("subjectIds", "must not be empty (or set allLeaders)"));
            }
            Map<String, String> known = people.namesOf(subjectIds);
            Set<String> active = people.activeAmong(subjectIds);
            for (int i = 0; i < body.subjects().size(); i++) {
                String id = body.subjects().get(i);
                if (!known.containsKey(id)) {
                    errors.add(InvalidField.field("subjectIds[" + i + "]", "unknown person " + id));
                } else if (!active.contains(id)) {
                    errors.add(InvalidField.field("subjectIds[" + i + "]", "person " + id + " is deactivated"));
                }
            }
        }
        Instant now = clock.instant();
        if (body.closesAt() != null && !body.closesAt().isAfter(now)) {
            errors.add(InvalidField.field("closesAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The cycle was not created", errors);
        }
        Cycle cycle = new Cycle(
                UUID.randomUUID().toString(),
                body.name().strip(),
                body.templateId(),
                subjectIds,
                body.everyLeader(),
                body.thresholdOrDefault(),
                CycleStatus.DRAFT,
                now,
                null,
                null,
                null,
                body.closesAt(),
                List.of(),
                List.of(),
                null,
                null,
                null);
        CycleView created = mongo.insert(cycle).view();
        audit.record(
                actorId,
                AuditActions.CYCLE_CREATED,
                AuditActions.CYCLE,
                created.id(),
                Map.of("subjects", subjectIds.size(), "allLeaders", body.everyLeader()));
        return created;
    }

    public List<CycleView> list() {
        return mongo.find(new Query().with(Sort.by("createdAt")), Cycle.class).stream()
                .map(Cycle::view)
                .toList();
    }

    public CycleView get(String id) {
        return load(id).view();
    }

    /** The cycles among {@code ids} that exist, by id. */
    public Map<String, CycleView> find(Collection<String> ids) {
        Map<String, CycleView> found = new LinkedHashMap<>();
        mongo.find(Query.query(where("_id").in(ids)), Cycle.class).forEach(c -> found.put(c.id(), c.view()));
        return found;
    }

    /**
     * Creates the subjects' keys, the requests and the ballots first (each idempotent), then flips
     * the status and records CycleOpened in one conditional update: a retry after a crash in between
     * is harmless.
     */
    CycleView open(String id, String actorId) {
        Cycle cycle = load(id);
        cycle.status().moveTo(CycleStatus.OPEN);
        if (cycle.closesAt() != null && !cycle.closesAt().isAfter(clock.instant())) {
            throw new ConflictException("The cycle's closesAt " + cycle.closesAt() + " has passed; it cannot open");
        }
        // locked before it is read: the questionnaire the raters get is the one CycleOpened carries
        templates.lock(cycle.templateId());
        Template template = templates
                .find(cycle.templateId())
                .orElseThrow(() -> new ConflictException("The cycle's template no longer exists"));
        List<String> otherOpenCycles =
                mongo.find(Query.query(where("status").is(CycleStatus.OPEN)), Cycle.class).stream()
                        .map(Cycle::id)
                        .filter(c -> !c.equals(cycle.id()))
                        .toList();
        // the cap is checked against a snapshot: two cycles opening at the same moment may overshoot it
        List<RaterAssignment.Assignment> assignments = RaterAssignment.assign(
                cycle.id(),
                cycle.subjectIds(),
                people.managerOfEveryone(),
                nominations.approved(cycle.id()),
                requests.openLoad(otherOpenCycles),
                properties.cycles().maxOpenRequestsPerRater());

        Map<String, Map<Relationship, Integer>> invited = new LinkedHashMap<>();
        Map<String, Map<Relationship, Integer>> nominatedByAdministrator = new LinkedHashMap<>();
        for (String subject : cycle.subjectIds()) {
            invited.put(subject, new EnumMap<>(Relationship.class));
            nominatedByAdministrator.put(subject, new EnumMap<>(Relationship.class));
        }
        for (RaterAssignment.Assignment a : assignments) {
            invited.get(a.subjectId()).merge(a.relationship(), 1, Integer::sum);
            if (a.nominatedByAdministrator()) {
                nominatedByAdministrator.get(a.subjectId()).merge(a.relationship(), 1, Integer::sum);
            }
        }
        keys.ensure(cycle.subjectIds());
        requests.createAll(
                cycle.id(),
                assignments.stream()
                        .map(a -> new NewRequest(a.subjectId(), a.raterId(), a.relationship()))
                        .toList());
        ballots.create(cycle.id(), cycle.anonymityThreshold(), invited);
        Instant now = clock.instant();
        CycleView opened = transition(
                cycle,
                CycleStatus.OPEN,
                "openedAt",
                now,
                events.opened(cycle, template.toQuestionnaire(), now, invited, nominatedByAdministrator));
        audit.record(
                actorId,
                AuditActions.CYCLE_OPENED,
                AuditActions.CYCLE,
                cycle.id(),
                Map.of("requests", assignments.size()));
        return opened;
    }

    /**
     * The close is a cut. Every ballot of the cycle is sealed first: from that moment a response is
     * refused (409), and one that was accepted before is in the counts read next, which CycleClosed
     * carries. Then the drafts and decline reasons of its requests are deleted. Nothing counted ever
     * changes afterwards, so neither does a released profile.
     */
    CycleView close(String id, String actorId) {
        Cycle cycle = load(id);
        cycle.status().moveTo(CycleStatus.CLOSED);
        ballots.sealAll(cycle.id());
        Instant now = clock.instant();
        CycleView closed = transition(
                cycle, CycleStatus.CLOSED, "closedAt", now, events.closed(cycle, now, ballots.counts(cycle.id())));
        requests.forgetRaterNotes(List.of(cycle.id()));
        audit.record(actorId, AuditActions.CYCLE_CLOSED, AuditActions.CYCLE, cycle.id(), Map.of());
        return closed;
    }

    CycleView release(String id, String actorId) {
        Cycle cycle = load(id);
        cycle.status().moveTo(CycleStatus.RELEASED);
        Instant now = clock.instant();
        CycleView released = transition(cycle, CycleStatus.RELEASED, "releasedAt", now, events.released(cycle, now));
        audit.record(actorId, AuditActions.RESULTS_RELEASED, AuditActions.CYCLE, cycle.id(), Map.of());
        return released;
    }

    /** What "remind now" did: requests still pending (counts, never who) and reminder mails queued. */
    record Reminded(int reminded, int mailsQueued) {}

    /**
     * An administrator's "remind now" for an OPEN cycle: a reminder mail to every rater with something
     * still open who wants reminders. At most once per {@code lead360.mail.manual-reminder-interval} (409
     * before), so that nobody's inbox fills because of a double click.
     */
    Reminded remind(String id, String actorId) {
        Cycle cycle = load(id);
        if (cycle.status() != CycleStatus.OPEN) {
            throw new ConflictException("Only an OPEN cycle can be reminded; it is " + cycle.status());
        }
        Instant now = clock.instant();
        Instant earliest = now.minus(properties.mail().manualReminderInterval());
        Query allowed = Query.query(where("_id")
                .is(cycle.id())
                .and("status")
                .is(CycleStatus.OPEN)
                .orOperator(where("remindedAt").is(null), where("remindedAt").lte(earliest)));
        if (mongo.updateFirst(allowed, new Update().set("remindedAt", now), Cycle.class)
                        .getModifiedCount()
                == 0) {
            Cycle again = load(id);
            if (again.status() != CycleStatus.OPEN) {
                throw new ConflictException("Only an OPEN cycle can be reminded; it is " + again.status());
            }
            throw new ConflictException("Reminders for this cycle went out at " + again.remindedAt()
                    + "; the next \"remind now\" is possible from "
                    + again.remindedAt().plus(properties.mail().manualReminderInterval()));
        }
        int reminded = (int) requests.pendingCount(cycle.id());
        int queued = mail.queueReminders(cycle.id(), "manual|" + now);
        audit.record(
                actorId,
                AuditActions.REMINDERS_SENT,
                AuditActions.CYCLE,
                cycle.id(),
                Map.of("reminded", reminded, "mailsQueued", queued));
        return new Reminded(reminded, queued);
    }

    /**
     * Closes every OPEN cycle whose closesAt has passed. Every instance runs this; the transition is
     * a findAndModify conditional on status OPEN, so exactly one caller wins and only the winner's
     * CycleClosed is recorded. The losers' ConflictException is expected.
     *
     * @return how many cycles this call closed
     */
    public int closeDue() {
        int closed = 0;
        Query due =
                Query.query(where("status").is(CycleStatus.OPEN).and("closesAt").lte(clock.instant()));
        for (Cycle cycle : mongo.find(due, Cycle.class)) {
            try {
                close(cycle.id(), AuditLog.SYSTEM);
                closed++;
            } catch (ConflictException alreadyClosed) {
                // another instance (or an administrator) closed it first
            }
        }
        return closed;
    }

    /**
     * Handles the reminder points before closesAt that have passed: points that had already passed when
     * the cycle opened are skipped (no "3 days left" on a 2-day cycle); when several passed since the
     * last round only the latest counts. The point's reminders are queued first (once per rater and
     * point, however often this runs), then the point is recorded on the cycle by one conditional update.
     *
     * @return how many reminder mails this call queued
     */
    public int remindDue() {
        Instant now = clock.instant();
        int queued = 0;
        Query open =
                Query.query(where("status").is(CycleStatus.OPEN).and("closesAt").gt(now));
        for (Cycle cycle : mongo.find(open, Cycle.class)) {
            List<Duration> passed = properties.reminders().beforeClose().stream()
                    .filter(p -> !cycle.closesAt().minus(p).isAfter(now))
                    .filter(p -> cycle.openedAt() == null
                            || !cycle.closesAt().minus(p).isBefore(cycle.openedAt()))
                    .sorted()
                    .toList();
            if (passed.isEmpty()) {
                continue;
            }
            String latest = passed.get(0).toString();
            if (cycle.remindersSent() != null && cycle.remindersSent().contains(latest)) {
                continue;
            }
            queued += mail.queueReminders(cycle.id(), latest);
            Query notYet = Query.query(where("_id")
                    .is(cycle.id())
                    .and("status")
                    .is(CycleStatus.OPEN)
                    .and("remindersSent")
                    .ne(latest));
            Update record = new Update()
                    .addToSet("remindersSent")
                    .each(passed.stream().map(Duration::toString).toArray());
            mongo.updateFirst(notYet, record, Cycle.class);
        }
        return queued;
    }

    /**
     * Queues the invitations of cycles that opened and the results-ready mails of cycles released (within
     * the time a mail may take at most), each once: the mails are queued first, the cycle is marked after,
     * so a crash in between queues nothing twice.
     *
     * @return how many mails this call queued
     */
    public int queueCycleMail() {
        int queued = 0;
        for (Cycle cycle : mongo.find(
                Query.query(where("status")
                        .is(CycleStatus.OPEN)
                        .and("invitationsQueuedAt")
                        .is(null)),
                Cycle.class)) {
            queued += mail.queueInvitations(cycle.id());
            mongo.updateFirst(
                    Query.query(where("_id").is(cycle.id())),
                    new Update().set("invitationsQueuedAt", clock.instant()),
                    Cycle.class);
        }
        Instant recent = clock.instant().minus(properties.mail().giveUpAfter());
        for (Cycle cycle : mongo.find(
                Query.query(where("status")
                        .is(CycleStatus.RELEASED)
                        .and("resultsQueuedAt")
                        .is(null)
                        .and("releasedAt")
                        .gt(recent)),
                Cycle.class)) {
            queued += mail.queueResultsReady(cycle);
            mongo.updateFirst(
                    Query.query(where("_id").is(cycle.id())),
                    new Update().set("resultsQueuedAt", clock.instant()),
                    Cycle.class);
        }
        return queued;
    }

    Nomination.View nominate(String cycleId, Nomination.Proposal body, Caller caller) {
        return nominations.propose(load(cycleId), body, caller);
    }

    List<Nomination.View> nominations(String cycleId, Caller caller) {
        Cycle cycle = load(cycleId);
        if (!caller.admin() && !cycle.subjectIds().contains(caller.personId())) {
            throw new NotFoundException("No cycle " + cycleId);
        }
        return nominations.list(cycleId, caller);
    }

    Nomination.View decide(String cycleId, String nominationId, Nomination.Status decision, String actorId) {
        return nominations.decide(load(cycleId), nominationId, decision, actorId);
    }

    /** From the ballots: counts only, and for an anonymous group smaller than the threshold not even those. */
    CycleProgress progress(String id) {
        Cycle cycle = load(id);
        Map<String, Ballots.Counts> counts = ballots.counts(cycle.id());
        Map<String, String> names = people.namesOf(cycle.subjectIds());
        List<CycleProgress.Subject> subjects = cycle.subjectIds().stream()
                .map(s -> new CycleProgress.Subject(
                        s, names.get(s), counts.containsKey(s) ? Participation.of(counts.get(s)) : Map.of()))
                .toList();
        return new CycleProgress(cycle.id(), cycle.status(), subjects);
    }

    /** One conditional findAndModify: the status moves and the event is recorded, or nothing happens. */
    private CycleView transition(
            Cycle cycle, CycleStatus target, String timestampField, Instant now, FeedbackEvent event) {
        CycleStatus expected = CycleStatus.requiredBefore(target);
        OutboxEntry entry = outbox.of(event);
        Update update =
                new Update().set("status", target).set(timestampField, now).push(OutboxEntry.FIELD, entry);
        Cycle updated = mongo.findAndModify(
                Query.query(where("_id").is(cycle.id()).and("status").is(expected)),
                update,
                FindAndModifyOptions.options().returnNew(true),
                Cycle.class);
        if (updated == null) {
            throw new ConflictException("The cycle is no longer " + expected + "; it cannot move to " + target);
        }
        return updated.view();
    }

    private Cycle load(String id) {
        Cycle cycle = mongo.findById(id, Cycle.class);
        if (cycle == null) {
            throw new NotFoundException("No cycle " + id);
        }
        return cycle;
    }
}

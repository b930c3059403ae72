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
import io.lead360.feedback.template.Template;
import io.lead360.feedback.template.Templates;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import io.lead360.service.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
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
    private final CycleRequests requests;
    private final Ballots ballots;
    private final SubjectKeys keys;
    private final CycleEvents events;
    private final OutboxEntries outbox;
    private final Nominations nominations;
    private final FeedbackProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    CycleService(
            MongoTemplate mongo,
            Templates templates,
            PersonService people,
            CycleRequests requests,
            Ballots ballots,
            SubjectKeys keys,
            CycleEvents events,
            OutboxEntries outbox,
            Nominations nominations,
            FeedbackProperties properties,
            AuditLog audit,
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
        this.clock = clock;
    }

    CycleView create(CreateCycle body, String actorId) {
        // "all leaders" is resolved now, so that subjects can nominate raters while the cycle is a draft
        List<String> subjectIds =
                NewCycleValidator.subjectIds(body, body.everyLeader() ? people.leaderIds() : List.of());
        Set<String> known =
                body.everyLeader() ? Set.of() : people.namesOf(subjectIds).keySet();
        Set<String> active = body.everyLeader() ? Set.of() : people.activeAmong(subjectIds);
        Instant now = clock.instant();
        List<InvalidField> errors = NewCycleValidator.validate(
                body,
                new NewCycleValidator.Facts(
                        templates.find(body.templateId()).isPresent(), subjectIds, known, active, now));
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

    Cycle load(String id) {
        Cycle cycle = mongo.findById(id, Cycle.class);
        if (cycle == null) {
            throw new NotFoundException("No cycle " + id);
        }
        return cycle;
    }
}

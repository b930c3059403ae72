package io.lead360.feedback.cycle;

import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.Relationship;
import io.lead360.events.ResultsReleased;
import io.lead360.feedback.outbox.OutboxEntries;
import io.lead360.feedback.outbox.OutboxEntry;
import io.lead360.feedback.person.PersonService;
import io.lead360.feedback.request.FeedbackRequests;
import io.lead360.feedback.request.NewRequest;
import io.lead360.feedback.template.Template;
import io.lead360.feedback.template.Templates;
import io.lead360.feedback.web.ConflictException;
import io.lead360.feedback.web.InputError;
import io.lead360.feedback.web.InvalidInputException;
import io.lead360.feedback.web.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Cycles: creation and the DRAFT → OPEN → CLOSED → RELEASED transitions with their events. */
@Service
public class CycleService {

    private final MongoTemplate mongo;
    private final Templates templates;
    private final PersonService people;
    private final FeedbackRequests requests;
    private final OutboxEntries outbox;
    private final Clock clock;

    CycleService(MongoTemplate mongo, Templates templates, PersonService people, FeedbackRequests requests,
                 OutboxEntries outbox, Clock clock) {
        this.mongo = mongo;
        this.templates = templates;
        this.people = people;
        this.requests = requests;
        this.outbox = outbox;
        this.clock = clock;
    }

    CycleView create(CreateCycle body) {
        List<InputError> errors = new ArrayList<>();
        if (templates.find(body.templateId()).isEmpty()) {
            errors.add(InputError.field("templateId", "unknown template " + body.templateId()));
        }
        List<String> subjectIds = body.subjectIds().stream().distinct().toList();
        Map<String, String> known = people.namesOf(subjectIds);
        for (int i = 0; i < body.subjectIds().size(); i++) {
            String id = body.subjectIds().get(i);
            if (!known.containsKey(id)) {
                errors.add(InputError.field("subjectIds[" + i + "]", "unknown person " + id));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The cycle was not created", errors);
        }
        Cycle cycle = new Cycle(UUID.randomUUID().toString(), body.name().strip(), body.templateId(), subjectIds,
                body.thresholdOrDefault(), CycleStatus.DRAFT, clock.instant(), null, null, null, List.of());
        return mongo.insert(cycle).view();
    }

    public List<CycleView> list() {
        return mongo.find(new Query().with(Sort.by("createdAt")), Cycle.class).stream().map(Cycle::view).toList();
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
     * Assigns the raters first (idempotent inserts), then flips the status and records
     * CycleOpened in one conditional update: a retry after a crash in between is harmless.
     */
    CycleView open(String id) {
        Cycle cycle = load(id);
        cycle.status().moveTo(CycleStatus.OPEN);
        Template template = templates.find(cycle.templateId())
                .orElseThrow(() -> new ConflictException("The cycle's template no longer exists"));
        List<RaterAssignment.Assignment> assignments =
                RaterAssignment.assign(cycle.id(), cycle.subjectIds(), people.managerOfEveryone());
        requests.createAll(cycle.id(), assignments.stream()
                .map(a -> new NewRequest(a.requestId(), a.subjectId(), a.raterId(), a.relationship())).toList());

        Map<String, Map<Relationship, Integer>> invited = new LinkedHashMap<>();
        for (String subject : cycle.subjectIds()) {
            invited.put(subject, new EnumMap<>(Relationship.class));
        }
        for (RaterAssignment.Assignment a : assignments) {
            invited.get(a.subjectId()).merge(a.relationship(), 1, Integer::sum);
        }
        Instant now = clock.instant();
        return transition(cycle, CycleStatus.OPEN, "openedAt", now, new CycleOpened(UUID.randomUUID(),
                CycleOpened.VERSION, now, cycle.id(), cycle.name(), cycle.anonymityThreshold(),
                template.toQuestionnaire(), invited));
    }

    CycleView close(String id) {
        Cycle cycle = load(id);
        cycle.status().moveTo(CycleStatus.CLOSED);
        Map<String, Map<Relationship, FeedbackRequests.Tally>> tally = requests.tally(cycle.id());
        Map<String, Map<Relationship, Integer>> responded = new LinkedHashMap<>();
        for (String subject : cycle.subjectIds()) {
            Map<Relationship, Integer> counts = new EnumMap<>(Relationship.class);
            tally.getOrDefault(subject, Map.of()).forEach((rel, t) -> counts.put(rel, t.responded()));
            responded.put(subject, counts);
        }
        Instant now = clock.instant();
        return transition(cycle, CycleStatus.CLOSED, "closedAt", now,
                new CycleClosed(UUID.randomUUID(), CycleClosed.VERSION, now, cycle.id(), responded));
    }

    CycleView release(String id) {
        Cycle cycle = load(id);
        cycle.status().moveTo(CycleStatus.RELEASED);
        Instant now = clock.instant();
        return transition(cycle, CycleStatus.RELEASED, "releasedAt", now,
                new ResultsReleased(UUID.randomUUID(), ResultsReleased.VERSION, now, cycle.id()));
    }

    CycleProgress progress(String id) {
        Cycle cycle = load(id);
        Map<String, Map<Relationship, FeedbackRequests.Tally>> tally = requests.tally(cycle.id());
        Map<String, String> names = people.namesOf(cycle.subjectIds());
        List<CycleProgress.Subject> subjects = cycle.subjectIds().stream()
                .map(s -> new CycleProgress.Subject(s, names.get(s), tally.getOrDefault(s, Map.of())))
                .toList();
        return new CycleProgress(cycle.id(), cycle.status(), subjects);
    }

    /** One conditional findAndModify: the status moves and the event is recorded, or nothing happens. */
    private CycleView transition(Cycle cycle, CycleStatus target, String timestampField, Instant now,
                                 FeedbackEvent event) {
        CycleStatus expected = CycleStatus.requiredBefore(target);
        OutboxEntry entry = outbox.of(event);
        Update update = new Update().set("status", target).set(timestampField, now).push(OutboxEntry.FIELD, entry);
        Cycle updated = mongo.findAndModify(Query.query(where("_id").is(cycle.id()).and("status").is(expected)),
                update, FindAndModifyOptions.options().returnNew(true), Cycle.class);
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

package io.lead360.feedback.request;

import io.lead360.events.FeedbackSubmitted;
import io.lead360.feedback.cycle.CycleService;
import io.lead360.feedback.cycle.CycleStatus;
import io.lead360.feedback.cycle.CycleView;
import io.lead360.feedback.outbox.OutboxEntries;
import io.lead360.feedback.outbox.OutboxEntry;
import io.lead360.feedback.person.PersonService;
import io.lead360.feedback.template.Template;
import io.lead360.feedback.template.Templates;
import io.lead360.feedback.web.ConflictException;
import io.lead360.feedback.web.InvalidInputException;
import io.lead360.feedback.web.NotFoundException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The rater's side: their requests, submitting a response, declining. */
@Service
class RequestService {

    private final MongoTemplate mongo;
    private final CycleService cycles;
    private final PersonService people;
    private final Templates templates;
    private final OutboxEntries outbox;
    private final Clock clock;

    RequestService(MongoTemplate mongo, CycleService cycles, PersonService people, Templates templates,
                   OutboxEntries outbox, Clock clock) {
        this.mongo = mongo;
        this.cycles = cycles;
        this.people = people;
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
    }

    List<RequestViews.Summary> list(String raterId) {
        Query query = Query.query(where("raterId").is(raterId));
        query.fields().exclude("ratings", "comments", OutboxEntry.FIELD);
        List<FeedbackRequest> mine = mongo.find(query, FeedbackRequest.class);
        Map<String, CycleView> cycleOf = cycles.find(mine.stream().map(FeedbackRequest::cycleId).distinct().toList());
        Map<String, String> names = people.namesOf(mine.stream().map(FeedbackRequest::subjectId).distinct().toList());
        return mine.stream()
                .filter(r -> visible(cycleOf.get(r.cycleId())))
                .sorted(Comparator.comparing((FeedbackRequest r) -> cycleOf.get(r.cycleId()).createdAt())
                        .thenComparing(FeedbackRequest::id))
                .map(r -> new RequestViews.Summary(r.id(), r.cycleId(), cycleOf.get(r.cycleId()).name(),
                        new RequestViews.Subject(r.subjectId(), names.get(r.subjectId())), r.relationship(),
                        r.status()))
                .toList();
    }

    RequestViews.Detail get(String raterId, String id) {
        FeedbackRequest request = mine(raterId, id);
        CycleView cycle = visibleCycle(request);
        return new RequestViews.Detail(request.id(), request.cycleId(), cycle.name(),
                new RequestViews.Subject(request.subjectId(), people.namesOf(List.of(request.subjectId()))
                        .get(request.subjectId())),
                request.relationship(), request.status(), template(cycle));
    }

    /**
     * One conditional findAndModify (still PENDING, still the caller's) stores the response and
     * the FeedbackSubmitted event together: once this returns, the submission is durable.
     */
    RequestViews.Submitted submit(String raterId, String id, RequestViews.ResponseBody body) {
        FeedbackRequest request = mine(raterId, id);
        CycleView cycle = visibleCycle(request);
        Template template = template(cycle);
        ResponseValidator.Result response = ResponseValidator.validate(template,
                body == null ? null : body.ratings(), body == null ? null : body.comments());
        if (!response.valid()) {
            throw new InvalidInputException("The response is invalid", response.errors());
        }
        requirePending(request);
        requireOpen(cycle);
        // no rater identity, and only the day, so the event cannot single out who answered
        FeedbackSubmitted event = new FeedbackSubmitted(UUID.randomUUID(), FeedbackSubmitted.VERSION,
                clock.instant().truncatedTo(ChronoUnit.DAYS), cycle.id(), request.subjectId(), cycle.templateId(),
                request.relationship(), response.ratings(), response.comments());
        Update update = new Update()
                .set("status", RequestStatus.SUBMITTED)
                .set("ratings", response.ratings())
                .set("comments", response.comments())
                .push(OutboxEntry.FIELD, outbox.of(event));
        FeedbackRequest updated = mongo.findAndModify(pendingOf(raterId, id), update,
                FindAndModifyOptions.options().returnNew(true), FeedbackRequest.class);
        if (updated == null) {
            throw new ConflictException("This request was already answered or declined");
        }
        return new RequestViews.Submitted(id, RequestStatus.SUBMITTED);
    }

    RequestViews.Declined decline(String raterId, String id) {
        FeedbackRequest request = mine(raterId, id);
        CycleView cycle = visibleCycle(request);
        requirePending(request);
        requireOpen(cycle);
        FeedbackRequest updated = mongo.findAndModify(pendingOf(raterId, id),
                new Update().set("status", RequestStatus.DECLINED),
                FindAndModifyOptions.options().returnNew(true), FeedbackRequest.class);
        if (updated == null) {
            throw new ConflictException("This request was already answered or declined");
        }
        return new RequestViews.Declined(id, RequestStatus.DECLINED);
    }

    private static Query pendingOf(String raterId, String id) {
        return Query.query(where("_id").is(id).and("raterId").is(raterId).and("status").is(RequestStatus.PENDING));
    }

    /** Another person's request is answered exactly like a missing one. */
    private FeedbackRequest mine(String raterId, String id) {
        FeedbackRequest request = mongo.findOne(Query.query(where("_id").is(id).and("raterId").is(raterId)),
                FeedbackRequest.class);
        if (request == null) {
            throw new NotFoundException("No feedback request " + id);
        }
        return request;
    }

    private CycleView visibleCycle(FeedbackRequest request) {
        CycleView cycle = cycles.find(List.of(request.cycleId())).get(request.cycleId());
        if (!visible(cycle)) {
            throw new NotFoundException("No feedback request " + request.id());
        }
        return cycle;
    }

    /** Requests of a cycle whose opening did not complete stay invisible. */
    private static boolean visible(CycleView cycle) {
        return cycle != null && cycle.status() != CycleStatus.DRAFT;
    }

    private Template template(CycleView cycle) {
        return templates.find(cycle.templateId())
                .orElseThrow(() -> new ConflictException("The cycle's questionnaire no longer exists"));
    }

    private static void requirePending(FeedbackRequest request) {
        if (request.status() != RequestStatus.PENDING) {
            throw new ConflictException("This request is already " + request.status());
        }
    }

    private static void requireOpen(CycleView cycle) {
        if (cycle.status() != CycleStatus.OPEN) {
            throw new ConflictException("The cycle is " + cycle.status() + "; it takes no more responses");
        }
    }
}

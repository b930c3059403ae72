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
import io.lead360.feedback.web.InputError;
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

/** The rater's side: their requests, drafts, submitting a response, declining. */
@Service
class RequestService {

    static final int MAX_DECLINE_REASON = 500;

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
        query.fields().exclude(FeedbackRequest.DRAFT, FeedbackRequest.DECLINE_REASON, OutboxEntry.FIELD);
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
        long responded = mongo.count(Query.query(where("cycleId").is(request.cycleId())
                .and("subjectId").is(request.subjectId()).and("relationship").is(request.relationship())
                .and("status").is(RequestStatus.SUBMITTED)), FeedbackRequest.class);
        FeedbackRequest.Draft draft = request.draft();
        return new RequestViews.Detail(request.id(), request.cycleId(), cycle.name(),
                new RequestViews.Subject(request.subjectId(), people.namesOf(List.of(request.subjectId()))
                        .get(request.subjectId())),
                request.relationship(), request.status(), template(cycle),
                RequestViews.Visibility.of(request.relationship(), cycle.anonymityThreshold(), (int) responded),
                draft == null ? null : new RequestViews.Draft(draft.ratings(), draft.comments()));
    }

    /** Saves the rater's draft on their own pending request (it is only ever read back by them). */
    RequestViews.Draft saveDraft(String raterId, String id, RequestViews.ResponseBody body) {
        FeedbackRequest request = mine(raterId, id);
        CycleView cycle = visibleCycle(request);
        ResponseValidator.Result draft = ResponseValidator.validateDraft(template(cycle),
                body == null ? null : body.ratings(), body == null ? null : body.comments());
        if (!draft.valid()) {
            throw new InvalidInputException("The draft is invalid", draft.errors());
        }
        requirePending(request);
        requireOpen(cycle);
        FeedbackRequest updated = mongo.findAndModify(pendingOf(raterId, id),
                new Update().set(FeedbackRequest.DRAFT, new FeedbackRequest.Draft(draft.ratings(), draft.comments())),
                FindAndModifyOptions.options().returnNew(true), FeedbackRequest.class);
        if (updated == null) {
            throw new ConflictException("This request was already answered or declined");
        }
        return new RequestViews.Draft(draft.ratings(), draft.comments());
    }

    /**
     * One conditional findAndModify (still PENDING, still the caller's) flips the status and records
     * the FeedbackSubmitted event together: once this returns, the submission is durable. The answers
     * are not kept on the request (it names the rater): they leave only inside the event.
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
                .unset(FeedbackRequest.DRAFT)
                .push(OutboxEntry.FIELD, outbox.of(event));
        FeedbackRequest updated = mongo.findAndModify(pendingOf(raterId, id), update,
                FindAndModifyOptions.options().returnNew(true), FeedbackRequest.class);
        if (updated == null) {
            throw new ConflictException("This request was already answered or declined");
        }
        return new RequestViews.Submitted(id, RequestStatus.SUBMITTED);
    }

    RequestViews.Declined decline(String raterId, String id, RequestViews.DeclineBody body) {
        FeedbackRequest request = mine(raterId, id);
        CycleView cycle = visibleCycle(request);
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (reason != null && reason.length() > MAX_DECLINE_REASON) {
            throw new InvalidInputException("The decline is invalid", List.of(InputError.field("reason",
                    "must be at most " + MAX_DECLINE_REASON + " characters")));
        }
        requirePending(request);
        requireOpen(cycle);
        // the reason stays on the request document until the cycle closes: no view of the subject and no event carries it
        Update update = new Update().set("status", RequestStatus.DECLINED).unset(FeedbackRequest.DRAFT);
        if (reason != null) {
            update.set(FeedbackRequest.DECLINE_REASON, reason);
        }
        FeedbackRequest updated = mongo.findAndModify(pendingOf(raterId, id), update,
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

    /** Past closesAt a cycle takes nothing more, even before the scheduled job has closed it. */
    private void requireOpen(CycleView cycle) {
        if (cycle.closesAt() != null && !clock.instant().isBefore(cycle.closesAt())) {
            throw new ConflictException("The cycle closed at " + cycle.closesAt() + "; it takes no more responses");
        }
        if (cycle.status() != CycleStatus.OPEN) {
            throw new ConflictException("The cycle is " + cycle.status() + "; it takes no more responses");
        }
    }
}

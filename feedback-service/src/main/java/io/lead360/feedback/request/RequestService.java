package io.lead360.feedback.request;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.SubjectSeal;
import io.lead360.feedback.ballot.Ballots;
import io.lead360.feedback.cycle.CycleService;
import io.lead360.feedback.cycle.CycleStatus;
import io.lead360.feedback.cycle.CycleView;
import io.lead360.feedback.keys.SealContexts;
import io.lead360.feedback.keys.SubjectKeys;
import io.lead360.feedback.outbox.OutboxEntries;
import io.lead360.feedback.person.PersonService;
import io.lead360.feedback.template.Template;
import io.lead360.feedback.template.Templates;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import io.lead360.service.problem.NotFoundException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rater's side: their requests, drafts, submitting a response, declining. A response is counted
 * and held in the subject's ballot (which knows no rater); the request only learns that it was
 * answered. The ballot decides: a response racing the close is counted there or refused, never both.
 */
@Service
class RequestService {

    static final int MAX_DECLINE_REASON = 500;

    private final MongoTemplate mongo;
    private final CycleService cycles;
    private final PersonService people;
    private final Templates templates;
    private final Ballots ballots;
    private final SubjectKeys keys;
    private final OutboxEntries outbox;
    private final JsonMapper json;
    private final Clock clock;

    RequestService(
            MongoTemplate mongo,
            CycleService cycles,
            PersonService people,
            Templates templates,
            Ballots ballots,
            SubjectKeys keys,
            OutboxEntries outbox,
            JsonMapper json,
            Clock clock) {
        this.mongo = mongo;
        this.cycles = cycles;
        this.people = people;
        this.templates = templates;
        this.ballots = ballots;
        this.keys = keys;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    List<RequestViews.Summary> list(String raterId) {
        Query query = Query.query(where("raterId").is(raterId));
        query.fields().exclude(FeedbackRequest.DRAFT, FeedbackRequest.DECLINE_REASON);
        List<FeedbackRequest> mine = mongo.find(query, FeedbackRequest.class);
        Map<String, CycleView> cycleOf = cycles.find(
                mine.stream().map(FeedbackRequest::cycleId).distinct().toList());
        Map<String, String> names = people.namesOf(
                mine.stream().map(FeedbackRequest::subjectId).distinct().toList());
        return mine.stream()
                .filter(r -> visible(cycleOf.get(r.cycleId())))
                .sorted(Comparator.comparing(
                                (FeedbackRequest r) -> cycleOf.get(r.cycleId()).createdAt())
                        .thenComparing(FeedbackRequest::id))
                .map(r -> new RequestViews.Summary(
                        r.id(),
                        r.cycleId(),
                        cycleOf.get(r.cycleId()).name(),
                        new RequestViews.Subject(r.subjectId(), names.get(r.subjectId())),
                        r.relationship(),
                        r.status()))
                .toList();
    }

    RequestViews.Detail get(String raterId, String id) {
        FeedbackRequest request = mine(raterId, id);
        CycleView cycle = visibleCycle(request);
        Ballots.Counts counts = ballots.countsOfSubject(request.subjectId(), List.of(request.cycleId()))
                .get(request.cycleId());
        int invited = counts == null ? 0 : counts.invited().getOrDefault(request.relationship(), 0);
        int responded = counts == null ? 0 : counts.responded().getOrDefault(request.relationship(), 0);
        return new RequestViews.Detail(
                request.id(),
                request.cycleId(),
                cycle.name(),
                new RequestViews.Subject(
                        request.subjectId(),
                        people.namesOf(List.of(request.subjectId())).get(request.subjectId())),
                request.relationship(),
                request.status(),
                template(cycle),
                RequestViews.Visibility.of(request.relationship(), cycle.anonymityThreshold(), invited, responded),
                draftOf(request));
    }

    /** The rater's own draft, opened; only ever read back by them. */
    RequestViews.Draft draftOf(FeedbackRequest request) {
        if (request.draft() == null) {
            return null;
        }
        FeedbackRequest.Draft draft = json.readValue(
                keys.openText(request.subjectId(), SealContexts.draft(request.id()), request.draft()),
                FeedbackRequest.Draft.class);
        return new RequestViews.Draft(draft.ratings(), draft.comments());
    }

    /** Saves the rater's draft on their own pending request, sealed with the subject's key. */
    RequestViews.Draft saveDraft(String raterId, String id, RequestViews.ResponseBody body) {
        FeedbackRequest request = mine(raterId, id);
        CycleView cycle = visibleCycle(request);
        ResponseValidator.Result draft = ResponseValidator.validateDraft(
                template(cycle), body == null ? null : body.ratings(), body == null ? null : body.comments());
        if (!draft.valid()) {
            throw new InvalidInputException("The draft is invalid", draft.errors());
        }
        requirePending(request);
        requireOpen(cycle);
        String sealed = keys.sealText(
                request.subjectId(),
                SealContexts.draft(request.id()),
                json.writeValueAsString(new FeedbackRequest.Draft(draft.ratings(), draft.comments())));
        boolean saved = mongo.updateFirst(
                                pendingOf(raterId, id),
                                new Update().set(FeedbackRequest.DRAFT, sealed),
                                FeedbackRequest.class)
                        .getModifiedCount()
                == 1;
        if (!saved) {
            throw new ConflictException("This request was already answered or declined");
        }
        return new RequestViews.Draft(draft.ratings(), draft.comments());
    }

    /**
     * The response is sealed with the subject's key and handed to the subject's ballot, which counts
     * it and holds it, without the rater, in one conditional update: from then on it is durable and
     * counted. Only then does the rater's request become SUBMITTED (and lose its draft).
     */
    RequestViews.Submitted submit(String raterId, String id, RequestViews.ResponseBody body) {
        FeedbackRequest request = mine(raterId, id);
        CycleView cycle = visibleCycle(request);
        Template template = template(cycle);
        ResponseValidator.Result response = ResponseValidator.validate(
                template, body == null ? null : body.ratings(), body == null ? null : body.comments());
        if (!response.valid()) {
            throw new InvalidInputException("The response is invalid", response.errors());
        }
        requirePending(request);
        requireOpen(cycle);
        UUID eventId = UUID.randomUUID();
        var answers = new FeedbackSubmitted.Answers(
                request.relationship(), cycle.templateId(), response.ratings(), response.comments());
        String sealed = keys.seal(
                request.subjectId(),
                SubjectSeal.context("FeedbackSubmitted", eventId, cycle.id(), request.subjectId()),
                json.writeValueAsBytes(answers));
        // no rater identity, and only the day, so the event cannot single out who answered
        FeedbackSubmitted event = new FeedbackSubmitted(
                eventId,
                FeedbackSubmitted.VERSION,
                clock.instant().truncatedTo(ChronoUnit.DAYS),
                cycle.id(),
                request.subjectId(),
                sealed);
        // the record value only: no time and no trace context goes with an answer (see OutboxEntries.payloadOf)
        Ballots.Outcome outcome = ballots.accept(
                cycle.id(),
                request.subjectId(),
                request.id(),
                request.relationship(),
                eventId.toString(),
                outbox.payloadOf(event));
        settle(request, outcome, RequestStatus.SUBMITTED);
        return new RequestViews.Submitted(id, RequestStatus.SUBMITTED);
    }

    RequestViews.Declined decline(String raterId, String id, RequestViews.DeclineBody body) {
        FeedbackRequest request = mine(raterId, id);
        CycleView cycle = visibleCycle(request);
        String reason = body == null || body.reason() == null || body.reason().isBlank()
                ? null
                : body.reason().strip();
        if (reason != null && reason.length() > MAX_DECLINE_REASON) {
            throw new InvalidInputException(
                    "The decline is invalid",
                    List.of(InvalidField.field("reason", "must be at most " + MAX_DECLINE_REASON + " characters")));
        }
        requirePending(request);
        requireOpen(cycle);
        Ballots.Outcome outcome =
                ballots.decline(cycle.id(), request.subjectId(), request.id(), request.relationship());
        if (outcome == Ballots.Outcome.ACCEPTED && reason != null) {
            // kept for the rater alone (their data export) until the close deletes it
            mongo.updateFirst(
                    pendingOf(raterId, id),
                    new Update()
                            .set(
                                    FeedbackRequest.DECLINE_REASON,
                                    keys.sealText(request.subjectId(), SealContexts.declineReason(id), reason)),
                    FeedbackRequest.class);
        }
        settle(request, outcome, RequestStatus.DECLINED);
        return new RequestViews.Declined(id, RequestStatus.DECLINED);
    }

    /**
     * Brings the request in line with what its ballot counted, then answers for the outcome. A request
     * the ballot already counted (an earlier attempt that stopped half way) is brought in line too.
     */
    private void settle(FeedbackRequest request, Ballots.Outcome outcome, RequestStatus counted) {
        switch (outcome) {
            case ACCEPTED -> markAs(request, counted);
            case ALREADY_SUBMITTED -> {
                markAs(request, RequestStatus.SUBMITTED);
                throw new ConflictException("This request was already answered");
            }
            case ALREADY_DECLINED -> {
                markAs(request, RequestStatus.DECLINED);
                throw new ConflictException("This request was already declined");
            }
            case SEALED -> throw new ConflictException("The cycle is closed; it takes no more responses");
            case NO_BALLOT -> throw new ConflictException("The cycle takes no responses about this person");
        }
    }

    private void markAs(FeedbackRequest request, RequestStatus status) {
        Update update = new Update().set("status", status).unset(FeedbackRequest.DRAFT);
        mongo.updateFirst(
                Query.query(where("_id").is(request.id()).and("status").is(RequestStatus.PENDING)),
                update,
                FeedbackRequest.class);
    }

    private static Query pendingOf(String raterId, String id) {
        return Query.query(
                where("_id").is(id).and("raterId").is(raterId).and("status").is(RequestStatus.PENDING));
    }

    /** Another person's request is answered exactly like a missing one. */
    FeedbackRequest mine(String raterId, String id) {
        FeedbackRequest request =
                mongo.findOne(Query.query(where("_id").is(id).and("raterId").is(raterId)), FeedbackRequest.class);
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
        return templates
                .find(cycle.templateId())
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

package io.lead360.feedback.cycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.events.Relationship;
import io.lead360.feedback.audit.AuditActions;
import io.lead360.feedback.auth.Caller;
import io.lead360.feedback.person.PersonService;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.ForbiddenException;
import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import io.lead360.service.problem.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Nominations of extra PEER or OTHER raters while a cycle is a DRAFT: proposed by an administrator
 * or by a subject for themselves, decided by an administrator. Each proposal and decision is audited
 * with who made it, and the subject's profile later says how many raters of each group an
 * administrator nominated: hand-picked co-raters are the way to undo a group's anonymity, so they
 * are never invisible.
 */
@Service
class Nominations {

    private final MongoTemplate mongo;
    private final PersonService people;
    private final AuditLog audit;
    private final Clock clock;

    Nominations(MongoTemplate mongo, PersonService people, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    Nomination.View propose(Cycle cycle, Nomination.Proposal body, Caller caller) {
        if (body == null) {
            throw new InvalidInputException(
                    "The nomination is invalid", List.of(InvalidField.field("body", "required")));
        }
        if (!caller.admin() && !caller.personId().equals(body.subjectId())) {
            throw new ForbiddenException("A subject may only nominate raters for themselves");
        }
        requireDraft(cycle);
        List<InvalidField> errors = new ArrayList<>();
        if (body.subjectId() == null || !cycle.subjectIds().contains(body.subjectId())) {
            errors.add(InvalidField.field("subjectId", "is not a subject of this cycle"));
        }
        if (body.raterId() == null || body.raterId().isBlank()) {
            errors.add(InvalidField.field("raterId", "must not be blank"));
        } else if (body.raterId().equals(body.subjectId())) {
            errors.add(InvalidField.field("raterId", "a subject rates themselves anyway (SELF)"));
        } else if (people.activeAmong(List.of(body.raterId())).isEmpty()) {
            errors.add(InvalidField.field("raterId", "unknown or deactivated person " + body.raterId()));
        }
        Relationship relationship = relationship(body.relationship());
        if (relationship == null) {
            errors.add(InvalidField.field("relationship", "must be PEER or OTHER"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The nomination is invalid", errors);
        }
        // a random id: the unique index on cycle, subject and rater refuses a second nomination
        Nomination nomination = new Nomination(
                UUID.randomUUID().toString(),
                cycle.id(),
                body.subjectId(),
                body.raterId(),
                relationship,
                Nomination.Status.PROPOSED,
                caller.personId(),
                clock.instant());
        Nomination.View created;
        try {
            created = mongo.insert(nomination).view();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This person is already nominated for this subject");
        }
        audit.record(
                caller.personId(),
                AuditActions.NOMINATION_PROPOSED,
                AuditActions.NOMINATION,
                created.id(),
                Map.of(
                        "cycleId",
                        cycle.id(),
                        "subjectId",
                        created.subjectId(),
                        "raterId",
                        created.raterId(),
                        "relationship",
                        created.relationship().name(),
                        "byAdministrator",
                        isByAdministrator(nomination)));
        return created;
    }

    /** Administrators see every nomination of the cycle; anyone else only those for themselves. */
    List<Nomination.View> list(String cycleId, Caller caller) {
        Query query = Query.query(where("cycleId").is(cycleId));
        if (!caller.admin()) {
            query.addCriteria(where("subjectId").is(caller.personId()));
        }
        return mongo.find(query.with(Sort.by("createdAt", "_id")), Nomination.class).stream()
                .map(Nomination::view)
                .toList();
    }

    Nomination.View decide(Cycle cycle, String nominationId, Nomination.Status decision, String actorId) {
        requireDraft(cycle);
        Nomination decided = mongo.findAndModify(
                Query.query(where("_id")
                        .is(nominationId)
                        .and("cycleId")
                        .is(cycle.id())
                        .and("status")
                        .is(Nomination.Status.PROPOSED)),
                new Update().set("status", decision),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options()
                        .returnNew(true),
                Nomination.class);
        if (decided == null) {
            Nomination existing = mongo.findOne(
                    Query.query(where("_id").is(nominationId).and("cycleId").is(cycle.id())), Nomination.class);
            if (existing == null) {
                throw new NotFoundException("No nomination " + nominationId);
            }
            throw new ConflictException("The nomination is already " + existing.status());
        }
        audit.record(
                actorId,
                decision == Nomination.Status.APPROVED
                        ? AuditActions.NOMINATION_APPROVED
                        : AuditActions.NOMINATION_REJECTED,
                AuditActions.NOMINATION,
                decided.id(),
                Map.of(
                        "cycleId",
                        cycle.id(),
                        "subjectId",
                        decided.subjectId(),
                        "raterId",
                        decided.raterId(),
                        "byAdministrator",
                        isByAdministrator(decided)));
        return decided.view();
    }

    List<RaterAssignment.Nominee> approved(String cycleId) {
        return mongo
                .find(
                        Query.query(where("cycleId").is(cycleId).and("status").is(Nomination.Status.APPROVED))
                                .with(Sort.by("_id")),
                        Nomination.class)
                .stream()
                .map(n ->
                        new RaterAssignment.Nominee(n.subjectId(), n.raterId(), n.relationship(), isByAdministrator(n)))
                .toList();
    }

    /** Proposed by anyone but the subject (an erased proposer counts as an administrator). */
    private static boolean isByAdministrator(Nomination nomination) {
        return !nomination.subjectId().equals(nomination.proposedBy());
    }

    private static void requireDraft(Cycle cycle) {
        if (cycle.status() != CycleStatus.DRAFT) {
            throw new ConflictException(
                    "Nominations are only possible while the cycle is a DRAFT; it is " + cycle.status());
        }
    }

    private static Relationship relationship(String value) {
        if ("PEER".equals(value)) {
            return Relationship.PEER;
        }
        return "OTHER".equals(value) ? Relationship.OTHER : null;
    }
}

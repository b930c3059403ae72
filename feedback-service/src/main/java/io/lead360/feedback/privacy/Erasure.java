package io.lead360.feedback.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.events.PersonErased;
import io.lead360.feedback.audit.AuditActions;
import io.lead360.feedback.ballot.Ballots;
import io.lead360.feedback.keys.SubjectKeys;
import io.lead360.feedback.outbox.OutboxEntries;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.problem.ConflictException;
import io.lead360.service.problem.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Erases a person (GDPR): their record, sessions, nominations, every request asked of them and
 * everything about them as a subject: the requests and ballots about them (with any answer still
 * held there) and their subject key. Destroying the key is what makes the erasure complete: every
 * answer and count ever published about them on Kafka was sealed with it, so none of it can be read
 * back or rebuilt. Answers they gave stay, as they always were, anonymous ratings in other people's
 * ballots and profiles (counted, never linked to them).
 *
 * <p>No multi-document transactions: the PersonErased event is written first, on a document of its
 * own, so that analytics hears of the erasure even if this stops half way; every later step is
 * idempotent, so running the erasure again finishes it.
 */
@Service
class Erasure {

    private final MongoTemplate mongo;
    private final OutboxEntries outbox;
    private final SubjectKeys keys;
    private final Ballots ballots;
    private final AuditLog audit;
    private final Clock clock;

    Erasure(MongoTemplate mongo, OutboxEntries outbox, SubjectKeys keys, Ballots ballots, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.keys = keys;
        this.ballots = ballots;
        this.audit = audit;
        this.clock = clock;
    }

    void erase(String personId, String actorId) {
        if (personId.equals(actorId)) {
            throw new ConflictException("Administrators cannot erase themselves");
        }
        Query byId = Query.query(where("_id").is(personId));
        boolean known = mongo.exists(byId, StoredCollections.PEOPLE);
        boolean started = mongo.exists(byId, StoredCollections.ERASURES);
        if (!known && !started) {
            throw new NotFoundException("No person " + personId);
        }
        if (!started) {
            recordErasure(personId);
        }
        mongo.remove(Query.query(where("personId").is(personId)), StoredCollections.SESSIONS);
        mongo.remove(
                Query.query(new Criteria()
                        .orOperator(
                                where("subjectId").is(personId),
                                where("raterId").is(personId))),
                StoredCollections.NOMINATIONS);
        mongo.updateMulti(
                Query.query(where("proposedBy").is(personId)),
                new Update().unset("proposedBy"),
                StoredCollections.NOMINATIONS);
        // requests about them and every request asked of them (with any draft): gone; the counts live in the ballots
        mongo.remove(Query.query(where("subjectId").is(personId)), StoredCollections.REQUESTS);
        mongo.remove(Query.query(where("raterId").is(personId)), StoredCollections.REQUESTS);
        ballots.deleteSubject(personId);
        keys.destroy(personId);
        mongo.updateMulti(
                Query.query(where("subjectIds").is(personId)),
                new Update().pull("subjectIds", personId),
                StoredCollections.CYCLES);
        mongo.updateMulti(
                Query.query(where("managerId").is(personId)),
                new Update().set("managerId", null),
                StoredCollections.PEOPLE);
        mongo.remove(byId, StoredCollections.PEOPLE);
        audit.recordOnce(actorId, AuditActions.PERSON_ERASED, AuditActions.PERSON, personId, Map.of());
    }

    /** The tombstone and its event, in one insert; a concurrent erasure of the same person inserts nothing. */
    private void recordErasure(String personId) {
        PersonErased event = new PersonErased(UUID.randomUUID(), PersonErased.VERSION, clock.instant(), personId);
        try {
            mongo.insert(new ErasureRecord(personId, List.of(outbox.of(event))));
        } catch (DuplicateKeyException alreadyStarted) {
            // another call got there first; its event is the one that goes out
        }
    }
}

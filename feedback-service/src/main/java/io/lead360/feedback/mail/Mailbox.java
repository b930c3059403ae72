package io.lead360.feedback.mail;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import io.lead360.feedback.keys.DataKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Where messages wait to be sent. {@link #enqueue} writes a message durably before anything is sent;
 * its id is a keyed one-way token of what it is, so that the same message enqueued twice (a retried
 * job, a second instance) is kept once, and nobody reading the outbox without the service's key can
 * tell whom a message that went out was for.
 */
@Component
public class Mailbox {

    private static final int CHUNK = 500;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final DataKey dataKey;
    private final Clock clock;

    Mailbox(MongoTemplate mongo, DataKey dataKey, Clock clock) {
        this.mongo = mongo;
        this.dataKey = dataKey;
        this.clock = clock;
    }

    /**
     * @param identity what makes this message this message beyond its kind, cycle and person, e.g. the
     *                 reminder point; "" when nothing does
     * @return true if queued now, false if it was queued (or sent) before
     */
    public boolean enqueue(MailKind kind, String cycleId, String personId, String identity) {
        Instant now = clock.instant();
        Mail message = new Mail(
                id(kind, cycleId, personId, identity),
                kind,
                cycleId,
                personId,
                Mail.Status.QUEUED,
                0,
                now,
                now,
                null,
                null);
        try {
            mongo.insert(message);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    /**
     * Many at once, e.g. a cycle's invitations: one bulk insert that skips those queued before.
     *
     * @return how many were queued now
     */
    public int enqueueAll(MailKind kind, String cycleId, Collection<String> personIds, String identity) {
        Instant now = clock.instant();
        List<Mail> messages = personIds.stream()
                .distinct()
                .map(p -> new Mail(
                        id(kind, cycleId, p, identity), kind, cycleId, p, Mail.Status.QUEUED, 0, now, now, null, null))
                .toList();
        if (messages.isEmpty()) {
            return 0;
        }
        int queued = 0;
        for (int from = 0; from < messages.size(); from += CHUNK) {
            List<Mail> chunk = messages.subList(from, Math.min(messages.size(), from + CHUNK));
            try {
                queued += mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Mail.class)
                        .insert(chunk)
                        .execute()
                        .getInsertedCount();
            } catch (BulkOperationException e) {
                if (e.getErrors().stream().anyMatch(err -> err.getCode() != DUPLICATE_KEY)) {
                    throw e;
                }
                queued += e.getResult().getInsertedCount();
            } catch (DuplicateKeyException e) {
                if (!(e.getCause() instanceof MongoBulkWriteException bulk)
                        || bulk.getWriteErrors().stream().anyMatch(err -> err.getCode() != DUPLICATE_KEY)) {
                    throw e;
                }
                queued += bulk.getWriteResult().getInsertedCount();
            }
        }
        return queued;
    }

    private String id(MailKind kind, String cycleId, String personId, String identity) {
        return dataKey.token("mail|" + kind + "|" + cycleId + "|" + personId + "|" + identity);
    }

    /** Counts per kind and status of a cycle's messages: never whom they were for. */
    public Map<MailKind, Map<Mail.Status, Integer>> counts(String cycleId) {
        Query query = Query.query(where("cycleId").is(cycleId));
        query.fields().include("kind", "status");
        Map<MailKind, Map<Mail.Status, Integer>> counts = new EnumMap<>(MailKind.class);
        for (Document d : mongo.find(query, Document.class, Mail.COLLECTION)) {
            counts.computeIfAbsent(MailKind.valueOf(d.getString("kind")), k -> new EnumMap<>(Mail.Status.class))
                    .merge(Mail.Status.valueOf(d.getString("status")), 1, Integer::sum);
        }
        return counts;
    }

    /** The counts of {@link #counts} as the API shows them: sent, queued (incl. being sent), failed, cancelled. */
    public Map<String, Map<String, Integer>> countsView(String cycleId) {
        Map<String, Map<String, Integer>> view = new LinkedHashMap<>();
        Map<MailKind, Map<Mail.Status, Integer>> counts = counts(cycleId);
        for (MailKind kind : MailKind.values()) {
            if (kind == MailKind.PASSWORD_RESET) {
                continue;
            }
            Map<Mail.Status, Integer> c = counts.getOrDefault(kind, Map.of());
            Map<String, Integer> byState = new LinkedHashMap<>();
            byState.put("queued", c.getOrDefault(Mail.Status.QUEUED, 0) + c.getOrDefault(Mail.Status.SENDING, 0));
            byState.put("sent", c.getOrDefault(Mail.Status.SENT, 0));
            byState.put("failed", c.getOrDefault(Mail.Status.FAILED, 0));
            byState.put("cancelled", c.getOrDefault(Mail.Status.CANCELLED, 0));
            view.put(
                    switch (kind) {
                        case INVITATION -> "invitations";
                        case REMINDER -> "reminders";
                        case RESULTS_READY -> "resultsReady";
                        case PASSWORD_RESET -> "passwordResets";
                    },
                    byState);
        }
        return view;
    }

    /** Waiting messages (queued or being sent), for the outbox metrics. */
    public long waiting() {
        return mongo.count(Query.query(where("status").in(Mail.Status.QUEUED, Mail.Status.SENDING)), Mail.class);
    }
}

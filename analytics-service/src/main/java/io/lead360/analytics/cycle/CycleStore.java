package io.lead360.analytics.cycle;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.CycleOpened;
import io.lead360.events.Relationship;
import io.lead360.events.ResultsReleased;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code cycles} collection: one document per cycle, written only from cycle events whose
 * sealed parts opened ({@link CycleChange}). Every write is a single-document update; status
 * changes carry a filter on the stored status rank so that a redelivered or late event can never
 * move a cycle back.
 */
@Component
public class CycleStore {

    private final MongoTemplate mongo;
    private final ActiveCollections collections;

    public CycleStore(MongoTemplate mongo, ActiveCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /** Applies a change to the live collections (the active set, and a rebuild's while it runs). */
    public void apply(CycleChange change) {
        collections.writeTargets().forEach(target -> apply(change, target));
    }

    /** Applies a change to one set of collections. */
    public void apply(CycleChange change, CollectionSet target) {
        // Java 17: no pattern matching for switch yet.
        if (change instanceof CycleChange.Opened opened) {
            applyOpened(opened, target);
        } else if (change instanceof CycleChange.Closed closed) {
            applyClosed(closed, target);
        } else if (change instanceof CycleChange.Released released) {
            applyReleased(released.event(), target);
        }
    }

    /** Stores the questionnaire snapshot and invitations; the status is only set on insert. */
    private void applyOpened(CycleChange.Opened change, CollectionSet target) {
        CycleOpened event = change.event();
        var questionnaire = new Document("templateId", event.questionnaire().templateId())
                .append(
                        "competencies",
                        event.questionnaire().competencies().stream()
                                .map(c -> new Document("key", c.key())
                                        .append("name", c.name())
                                        .append(
                                                "items",
                                                c.items().stream()
                                                        .map(i -> new Document("id", i.id())
                                                                .append("text", i.text())
                                                                .append("reverse", i.reverse()))
                                                        .toList()))
                                .toList())
                .append(
                        "openQuestionIds",
                        event.questionnaire().openQuestions() == null
                                ? List.of()
                                : event.questionnaire().openQuestions().stream()
                                        .map(CycleOpened.OpenQuestion::id)
                                        .toList());
        // Subject ids become values, not field names: ids are free text to analytics.
        var invitations = new ArrayList<Document>();
        change.subjects()
                .forEach((subjectId, invited) -> invitations.add(new Document("subjectId", subjectId)
                        .append("invited", counts(invited.invited()))
                        .append("nominatedByAdministrator", counts(invited.nominatedByAdministrator()))));
        var update = new Document(
                        "$set",
                        new Document("name", event.name())
                                .append("anonymityThreshold", event.anonymityThreshold())
                                .append("questionnaire", questionnaire)
                                .append("invitations", invitations)
                                .append(
                                        "subjectIds",
                                        change.subjects().keySet().stream()
                                                .sorted()
                                                .toList())
                                .append("openedAt", Date.from(event.occurredAt())))
                .append("$setOnInsert", statusFields(CycleStatus.OPEN));
        cycles(target).updateOne(Filters.eq("_id", event.cycleId()), update, new UpdateOptions().upsert(true));
    }

    private void applyClosed(CycleChange.Closed change, CollectionSet target) {
        var tallies = new ArrayList<Document>();
        change.subjects()
                .forEach((subjectId, tally) -> tallies.add(new Document("subjectId", subjectId)
                        .append("responded", counts(tally.responded()))
                        .append("published", counts(tally.published()))));
        var fields = statusFields(CycleStatus.CLOSED)
                .append("closedAt", Date.from(change.event().occurredAt()))
                .append("tallies", tallies);
        moveForward(target, change.cycleId(), CycleStatus.CLOSED, fields);
    }

    private void applyReleased(ResultsReleased event, CollectionSet target) {
        moveForward(
                target,
                event.cycleId(),
                CycleStatus.RELEASED,
                statusFields(CycleStatus.RELEASED).append("releasedAt", Date.from(event.occurredAt())));
    }

    /**
     * Removes the subject from every cycle of the set (an erasure): from its subjects, invitations
     * and tallies; the cycle itself and its other subjects stay. Idempotent.
     */
    public void removeSubject(String subjectId, CollectionSet target) {
        var filter = Filters.or(
                Filters.eq("subjectIds", subjectId),
                Filters.eq("invitations.subjectId", subjectId),
                Filters.eq("tallies.subjectId", subjectId));
        var update = new Document(
                "$pull",
                new Document("subjectIds", subjectId)
                        .append("invitations", new Document("subjectId", subjectId))
                        .append("tallies", new Document("subjectId", subjectId)));
        cycles(target).updateMany(filter, update);
    }

    public Optional<Cycle> find(String cycleId) {
        return Optional.ofNullable(cycles(collections.active())
                        .find(Filters.eq("_id", cycleId))
                        .first())
                .map(CycleStore::toCycle);
    }

    /**
     * The subject's most recent cycle in one of the given states, "recent" by the time it reached
     * {@code orderedBy} (e.g. {@code releasedAt}).
     */
    public Optional<Cycle> latestWithSubject(String subjectId, Collection<CycleStatus> statuses, String orderedBy) {
        Bson filter = Filters.and(
                Filters.eq("subjectIds", subjectId),
                Filters.in("status", statuses.stream().map(Enum::name).toList()));
        return Optional.ofNullable(cycles(collections.active())
                        .find(filter)
                        .sort(Sorts.descending(orderedBy))
                        .limit(1)
                        .first())
                .map(CycleStore::toCycle);
    }

    /** The subject's released cycles, oldest release first. */
    public List<Cycle> releasedWithSubject(String subjectId) {
        Bson filter =
                Filters.and(Filters.eq("subjectIds", subjectId), Filters.eq("status", CycleStatus.RELEASED.name()));
        var found = new ArrayList<Cycle>();
        cycles(collections.active())
                .find(filter)
                .sort(Sorts.ascending("releasedAt"))
                .forEach(doc -> found.add(toCycle(doc)));
        return found;
    }

    /**
     * Upsert guarded by the rank: a cycle already at or beyond {@code target} matches nothing, the
     * upsert then collides with the existing {@code _id} (E11000), which means "nothing to do".
     */
    private void moveForward(CollectionSet collectionSet, String cycleId, CycleStatus target, Document fields) {
        var filter = Filters.and(Filters.eq("_id", cycleId), Filters.lt("statusRank", target.rank()));
        try {
            cycles(collectionSet).updateOne(filter, new Document("$set", fields), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static Document statusFields(CycleStatus status) {
        return new Document("status", status.name()).append("statusRank", status.rank());
    }

    private static Document counts(Map<Relationship, Integer> byRelationship) {
        // in the order of Relationship, so that equal counts are stored as equal documents
        var ordered = new EnumMap<Relationship, Integer>(Relationship.class);
        ordered.putAll(byRelationship);
        var groups = new Document();
        ordered.forEach((relationship, n) -> groups.append(relationship.name(), n));
        return groups;
    }

    private static Map<Relationship, Integer> countsFrom(Document groups) {
        var counts = new EnumMap<Relationship, Integer>(Relationship.class);
        if (groups != null) {
            groups.forEach(
                    (relationship, n) -> counts.put(Relationship.valueOf(relationship), ((Number) n).intValue()));
        }
        return counts;
    }

    private static Cycle toCycle(Document doc) {
        var invitations = new LinkedHashMap<String, Cycle.Invitations>();
        for (Document entry : doc.getList("invitations", Document.class, List.of())) {
            invitations.put(
                    entry.getString("subjectId"),
                    new Cycle.Invitations(
                            countsFrom(entry.get("invited", Document.class)),
                            countsFrom(entry.get("nominatedByAdministrator", Document.class))));
        }
        var tallies = new LinkedHashMap<String, Cycle.Tally>();
        for (Document entry : doc.getList("tallies", Document.class, List.of())) {
            tallies.put(
                    entry.getString("subjectId"),
                    new Cycle.Tally(
                            countsFrom(entry.get("responded", Document.class)),
                            countsFrom(entry.get("published", Document.class))));
        }
        Date releasedAt = doc.getDate("releasedAt");
        Document q = doc.get("questionnaire", Document.class);
        Questionnaire questionnaire = q == null
                ? null
                : new Questionnaire(
                        q.getList("competencies", Document.class).stream()
                                .map(c -> new Questionnaire.Competency(
                                        c.getString("key"),
                                        c.getString("name"),
                                        c.getList("items", Document.class).stream()
                                                .map(i -> new Questionnaire.Item(
                                                        i.getString("id"),
                                                        i.getString("text"),
                                                        i.getBoolean("reverse", false)))
                                                .toList()))
                                .toList(),
                        q.getList("openQuestionIds", String.class, List.of()));
        Number threshold = doc.get("anonymityThreshold", Number.class);
        return new Cycle(
                doc.getString("_id"),
                doc.getString("name"),
                threshold == null ? 0 : threshold.intValue(),
                CycleStatus.valueOf(doc.getString("status")),
                questionnaire,
                invitations,
                tallies,
                releasedAt == null ? null : releasedAt.toInstant());
    }

    private MongoCollection<Document> cycles(CollectionSet target) {
        return mongo.getCollection(target.cycles());
    }
}

package io.lead360.analytics.cycle;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.CycleClosed;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.CycleOpened;
import io.lead360.events.Relationship;
import io.lead360.events.ResultsReleased;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code cycles} collection: one document per cycle, written only from cycle events.
 * Every write is a single-document update; status changes carry a filter on the stored status
 * rank so that a redelivered or late event can never move a cycle back.
 */
@Component
public class CycleStore {

    private final MongoTemplate mongo;
    private final ActiveCollections collections;

    public CycleStore(MongoTemplate mongo, ActiveCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /** Applies a cycle event to the live collections (the active set, and a rebuild's while it runs). */
    public void apply(FeedbackEvent event) {
        collections.writeTargets().forEach(target -> apply(event, target));
    }

    /** Applies a cycle event to one set of collections; other events are ignored. */
    public void apply(FeedbackEvent event, CollectionSet target) {
        if (event instanceof CycleOpened opened) {
            applyOpened(opened, target);
        } else if (event instanceof CycleClosed closed) {
            applyClosed(closed, target);
        } else if (event instanceof ResultsReleased released) {
            applyReleased(released, target);
        }
    }

    public void applyOpened(CycleOpened event) {
        apply(event);
    }

    public void applyClosed(CycleClosed event) {
        apply(event);
    }

    public void applyReleased(ResultsReleased event) {
        apply(event);
    }

    /** Stores the questionnaire snapshot and invitations; the status is only set on insert. */
    private void applyOpened(CycleOpened event, CollectionSet target) {
        var questionnaire = new Document("templateId", event.questionnaire().templateId())
                .append("competencies", event.questionnaire().competencies().stream()
                        .map(c -> new Document("key", c.key()).append("name", c.name())
                                .append("items", c.items().stream()
                                        .map(i -> new Document("id", i.id()).append("text", i.text()).append("reverse", i.reverse()))
                                        .toList()))
                        .toList())
                .append("openQuestionIds", event.questionnaire().openQuestions() == null ? List.of()
                        : event.questionnaire().openQuestions().stream().map(CycleOpened.OpenQuestion::id).toList());
        var update = new Document("$set", new Document("name", event.name())
                .append("anonymityThreshold", event.anonymityThreshold())
                .append("questionnaire", questionnaire)
                .append("invited", countsBySubject(event.invited()))
                .append("subjectIds", event.subjectIds())
                .append("openedAt", Date.from(event.occurredAt())))
                .append("$setOnInsert", statusFields(CycleStatus.OPEN));
        cycles(target).updateOne(Filters.eq("_id", event.cycleId()), update, new UpdateOptions().upsert(true));
    }

    private void applyClosed(CycleClosed event, CollectionSet target) {
        var fields = statusFields(CycleStatus.CLOSED)
                .append("closedAt", Date.from(event.occurredAt()))
                .append("responded", countsBySubject(event.responded() == null ? Map.of() : event.responded()));
        moveForward(target, event.cycleId(), CycleStatus.CLOSED, fields);
    }

    private void applyReleased(ResultsReleased event, CollectionSet target) {
        moveForward(target, event.cycleId(), CycleStatus.RELEASED,
                statusFields(CycleStatus.RELEASED).append("releasedAt", Date.from(event.occurredAt())));
    }

    /**
     * Removes the subject from every cycle of the set (an erasure): from its subjects, invitations
     * and response counts; the cycle itself and its other subjects stay. Idempotent.
     */
    public void removeSubject(String subjectId, CollectionSet target) {
        var filter = Filters.or(Filters.eq("subjectIds", subjectId), Filters.eq("invited.subjectId", subjectId),
                Filters.eq("responded.subjectId", subjectId));
        var update = new Document("$pull", new Document("subjectIds", subjectId)
                .append("invited", new Document("subjectId", subjectId))
                .append("responded", new Document("subjectId", subjectId)));
        cycles(target).updateMany(filter, update);
    }

    public Optional<Cycle> find(String cycleId) {
        return Optional.ofNullable(cycles(collections.active()).find(Filters.eq("_id", cycleId)).first()).map(CycleStore::toCycle);
    }

    /**
     * The subject's most recent cycle in one of the given states, "recent" by the time it reached
     * {@code orderedBy} (e.g. {@code releasedAt}).
     */
    public Optional<Cycle> latestWithSubject(String subjectId, Collection<CycleStatus> statuses, String orderedBy) {
        Bson filter = Filters.and(Filters.eq("subjectIds", subjectId),
                Filters.in("status", statuses.stream().map(Enum::name).toList()));
        return Optional.ofNullable(cycles(collections.active()).find(filter).sort(Sorts.descending(orderedBy)).limit(1).first())
                .map(CycleStore::toCycle);
    }

    /** The subject's released cycles, oldest release first. */
    public List<Cycle> releasedWithSubject(String subjectId) {
        Bson filter = Filters.and(Filters.eq("subjectIds", subjectId), Filters.eq("status", CycleStatus.RELEASED.name()));
        var found = new ArrayList<Cycle>();
        cycles(collections.active()).find(filter).sort(Sorts.ascending("releasedAt")).forEach(doc -> found.add(toCycle(doc)));
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

    // Subject ids become values, not field names: ids are free text to analytics.
    private static List<Document> countsBySubject(Map<String, Map<Relationship, Integer>> counts) {
        var list = new ArrayList<Document>();
        counts.forEach((subjectId, byRelationship) -> {
            var groups = new Document();
            (byRelationship == null ? Map.<Relationship, Integer>of() : byRelationship)
                    .forEach((relationship, n) -> groups.append(relationship.name(), n));
            list.add(new Document("subjectId", subjectId).append("counts", groups));
        });
        return list;
    }

    private static Map<String, Map<Relationship, Integer>> countsFrom(List<Document> entries) {
        var bySubject = new LinkedHashMap<String, Map<Relationship, Integer>>();
        for (Document entry : entries) {
            var counts = new EnumMap<Relationship, Integer>(Relationship.class);
            Document groups = entry.get("counts", Document.class);
            if (groups != null) {
                groups.forEach((relationship, n) -> counts.put(Relationship.valueOf(relationship), ((Number) n).intValue()));
            }
            bySubject.put(entry.getString("subjectId"), counts);
        }
        return bySubject;
    }

    private static Cycle toCycle(Document doc) {
        var invited = countsFrom(doc.getList("invited", Document.class, List.of()));
        var responded = countsFrom(doc.getList("responded", Document.class, List.of()));
        Date releasedAt = doc.getDate("releasedAt");
        Document q = doc.get("questionnaire", Document.class);
        Questionnaire questionnaire = q == null ? null : new Questionnaire(
                q.getList("competencies", Document.class).stream()
                        .map(c -> new Questionnaire.Competency(c.getString("key"), c.getString("name"),
                                c.getList("items", Document.class).stream()
                                        .map(i -> new Questionnaire.Item(i.getString("id"), i.getString("text"), i.getBoolean("reverse", false)))
                                        .toList()))
                        .toList(),
                q.getList("openQuestionIds", String.class, List.of()));
        Number threshold = doc.get("anonymityThreshold", Number.class);
        return new Cycle(doc.getString("_id"), doc.getString("name"), threshold == null ? 0 : threshold.intValue(),
                CycleStatus.valueOf(doc.getString("status")), questionnaire, invited, responded,
                releasedAt == null ? null : releasedAt.toInstant());
    }

    private MongoCollection<Document> cycles(CollectionSet target) {
        return mongo.getCollection(target.cycles());
    }
}

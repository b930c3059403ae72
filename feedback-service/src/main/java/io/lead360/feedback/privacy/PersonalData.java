package io.lead360.feedback.privacy;

import io.lead360.feedback.audit.AuditActions;
import io.lead360.feedback.audit.AuditEntry;
import io.lead360.feedback.audit.AuditLog;
import io.lead360.feedback.audit.AuditQuery;
import io.lead360.feedback.web.NotFoundException;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A person's data export (GDPR access): everything lead360 stores about them. What it holds about
 * others stays out: as a subject they get per-relationship counts, never who answered.
 */
@Service
class PersonalData {

    private final MongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;

    PersonalData(MongoTemplate mongo, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    Map<String, Object> export(String personId, String actorId) {
        Document person = mongo.findById(personId, Document.class, StoredCollections.PEOPLE);
        if (person == null) {
            throw new NotFoundException("No person " + personId);
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", clock.instant());
        export.put("person", StoredValues.withoutSecrets(person));
        export.put("sessions", sessions(personId));
        export.put("feedbackRequests", requestsAsRater(personId));
        export.put("cyclesAsSubject", cyclesAsSubject(personId));
        export.put("nominations", nominations(personId));
        // the entries about them as they stood before this export (which is recorded below)
        export.put("auditEntries", audit.find(AuditQuery.aboutTarget(personId)).stream()
                .map(PersonalData::auditEntry).toList());
        audit.record(actorId, AuditActions.PERSON_DATA_EXPORTED, AuditActions.PERSON, personId,
                Map.of("byThemselves", actorId.equals(personId)));
        return export;
    }

    /** Dates and state only: a session's id is shortened and its token hashes never leave. */
    private List<Map<String, Object>> sessions(String personId) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (Document s : mongo.find(Query.query(where("personId").is(personId)).with(Sort.by("createdOn")),
                Document.class, StoredCollections.SESSIONS)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", StoredValues.idPrefix(s.get("_id")));
            view.put("createdOn", StoredValues.plain(s.get("createdOn")));
            view.put("expiresAt", StoredValues.plain(s.get("expiresAt")));
            view.put("revoked", Boolean.TRUE.equals(s.get("revoked")));
            sessions.add(view);
        }
        return sessions;
    }

    /** The requests asked of them, with their own draft and decline reason (both gone once a cycle closes). */
    private List<Map<String, Object>> requestsAsRater(String personId) {
        List<Document> requests = mongo.find(Query.query(where("raterId").is(personId)).with(Sort.by("_id")),
                Document.class, StoredCollections.REQUESTS);
        Map<String, String> cycleNames = cycleNames(requests.stream().map(r -> r.getString("cycleId")).toList());
        Map<String, String> names = names(requests.stream().map(r -> r.getString("subjectId")).toList());
        List<Map<String, Object>> views = new ArrayList<>();
        for (Document r : requests) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", r.get("_id"));
            view.put("cycleId", r.getString("cycleId"));
            view.put("cycleName", cycleNames.get(r.getString("cycleId")));
            view.put("subject", subject(r.getString("subjectId"), names));
            view.put("relationship", r.getString("relationship"));
            view.put("status", r.getString("status"));
            if (r.get("draft") != null) {
                view.put("draft", StoredValues.plain(r.get("draft")));
            }
            if (r.get("declineReason") != null) {
                view.put("declineReason", r.getString("declineReason"));
            }
            views.add(view);
        }
        return views;
    }

    /** Per cycle and relationship how many were asked and how many answered: counts, never who. */
    private List<Map<String, Object>> cyclesAsSubject(String personId) {
        Query cyclesQuery = Query.query(where("subjectIds").is(personId)).with(Sort.by("createdAt"));
        cyclesQuery.fields().include("name", "status");
        List<Document> cycles = mongo.find(cyclesQuery, Document.class, StoredCollections.CYCLES);
        Query requestsQuery = Query.query(where("subjectId").is(personId));
        requestsQuery.fields().include("cycleId", "relationship", "status");
        Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
        for (Document r : mongo.find(requestsQuery, Document.class, StoredCollections.REQUESTS)) {
            int[] c = counts.computeIfAbsent(r.getString("cycleId"), k -> new TreeMap<>())
                    .computeIfAbsent(r.getString("relationship"), k -> new int[2]);
            c[0]++;
            if ("SUBMITTED".equals(r.getString("status"))) {
                c[1]++;
            }
        }
        List<Map<String, Object>> views = new ArrayList<>();
        for (Document cycle : cycles) {
            Map<String, Object> responses = new LinkedHashMap<>();
            counts.getOrDefault(cycle.getString("_id"), Map.of()).forEach((relationship, c) ->
                    responses.put(relationship, Map.of("invited", c[0], "responded", c[1])));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("cycleId", cycle.getString("_id"));
            view.put("cycleName", cycle.getString("name"));
            view.put("status", cycle.getString("status"));
            view.put("responses", responses);
            views.add(view);
        }
        return views;
    }

    private List<Map<String, Object>> nominations(String personId) {
        Query query = Query.query(new Criteria().orOperator(where("subjectId").is(personId),
                where("raterId").is(personId))).with(Sort.by("createdAt", "_id"));
        List<Map<String, Object>> views = new ArrayList<>();
        for (Document n : mongo.find(query, Document.class, StoredCollections.NOMINATIONS)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", n.getString("_id"));
            view.put("cycleId", n.getString("cycleId"));
            view.put("subjectId", n.getString("subjectId"));
            view.put("raterId", n.getString("raterId"));
            view.put("relationship", n.getString("relationship"));
            view.put("status", n.getString("status"));
            views.add(view);
        }
        return views;
    }

    private Map<String, String> cycleNames(Collection<String> ids) {
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("name");
        return mongo.find(query, Document.class, StoredCollections.CYCLES).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> String.valueOf(d.get("name"))));
    }

    private Map<String, String> names(Collection<String> ids) {
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("name");
        return mongo.find(query, Document.class, StoredCollections.PEOPLE).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> String.valueOf(d.get("name")),
                        (a, b) -> a));
    }

    private static Map<String, Object> auditEntry(AuditEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("at", e.at());
        view.put("actorId", e.actorId());
        view.put("action", e.action());
        view.put("targetType", e.targetType());
        view.put("targetId", e.targetId());
        view.put("details", e.details());
        return view;
    }

    private static Map<String, Object> subject(String id, Map<String, String> names) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", id);
        subject.put("name", names.get(id));
        return subject;
    }
}

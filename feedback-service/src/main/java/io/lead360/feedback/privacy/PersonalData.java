package io.lead360.feedback.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.audit.AuditActions;
import io.lead360.feedback.ballot.Ballots;
import io.lead360.feedback.ballot.Participation;
import io.lead360.feedback.keys.SealContexts;
import io.lead360.feedback.keys.SubjectKeys;
import io.lead360.service.audit.AuditEntry;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.audit.AuditQuery;
import io.lead360.service.problem.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's data export (GDPR access): everything lead360 stores about them. What it holds about
 * others stays out: as a subject they get per-relationship counts, never who answered (and none at
 * all while their own cycle is open). What a rater did is theirs alone: their own export shows each
 * request's status, draft and decline reason; an administrator's export of them lists the requests
 * asked of them, without any of these.
 */
@Service
class PersonalData {

    private final MongoTemplate mongo;
    private final SubjectKeys keys;
    private final Ballots ballots;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    PersonalData(MongoTemplate mongo, SubjectKeys keys, Ballots ballots, JsonMapper json, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.keys = keys;
        this.ballots = ballots;
        this.json = json;
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
        boolean byThemselves = actorId.equals(personId);
        export.put("feedbackRequests", requestsAsRater(personId, byThemselves));
        export.put("cyclesAsSubject", cyclesAsSubject(personId, byThemselves));
        export.put("nominations", nominations(personId));
        // the entries about them as they stood before this export (which is recorded below)
        export.put(
                "auditEntries",
                audit.find(AuditQuery.aboutTarget(personId)).stream()
                        .map(PersonalData::auditEntry)
                        .toList());
        audit.record(
                actorId,
                AuditActions.PERSON_DATA_EXPORTED,
                AuditActions.PERSON,
                personId,
                Map.of("byThemselves", byThemselves));
        return export;
    }

    /** Dates and state only: a session's id is shortened and its token hashes never leave. */
    private List<Map<String, Object>> sessions(String personId) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (Document s : mongo.find(
                Query.query(where("personId").is(personId)).with(Sort.by("createdOn")),
                Document.class,
                StoredCollections.SESSIONS)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", StoredValues.idPrefix(s.get("_id")));
            view.put("createdOn", StoredValues.plain(s.get("createdOn")));
            view.put("expiresAt", StoredValues.plain(s.get("expiresAt")));
            view.put("revoked", Boolean.TRUE.equals(s.get("revoked")));
            sessions.add(view);
        }
        return sessions;
    }

    /**
     * The requests asked of them. Their own export adds each one's status and their draft and decline
     * reason (both gone once a cycle closes); an administrator learns none of these.
     */
    private List<Map<String, Object>> requestsAsRater(String personId, boolean byThemselves) {
        List<Document> requests = mongo.find(
                Query.query(where("raterId").is(personId)).with(Sort.by("_id")),
                Document.class,
                StoredCollections.REQUESTS);
        Map<String, String> cycleNames =
                cycleNames(requests.stream().map(r -> r.getString("cycleId")).toList());
        Map<String, String> names =
                names(requests.stream().map(r -> r.getString("subjectId")).toList());
        List<Map<String, Object>> views = new ArrayList<>();
        for (Document r : requests) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", r.get("_id"));
            view.put("cycleId", r.getString("cycleId"));
            view.put("cycleName", cycleNames.get(r.getString("cycleId")));
            view.put("subject", subject(r.getString("subjectId"), names));
            view.put("relationship", r.getString("relationship"));
            if (byThemselves) {
                view.put("status", r.getString("status"));
                String subjectId = r.getString("subjectId");
                String requestId = String.valueOf(r.get("_id"));
                if (r.getString("draft") != null) {
                    view.put(
                            "draft",
                            json.readValue(
                                    keys.openText(subjectId, SealContexts.draft(requestId), r.getString("draft")),
                                    Map.class));
                }
                if (r.getString("declineReason") != null) {
                    view.put(
                            "declineReason",
                            keys.openText(
                                    subjectId, SealContexts.declineReason(requestId), r.getString("declineReason")));
                }
            }
            views.add(view);
        }
        return views;
    }

    /**
     * Per cycle and relationship how many were asked and how many answered: counts, never who, with
     * the rules of the progress view; none for a subject's own cycle while it is open.
     */
    private List<Map<String, Object>> cyclesAsSubject(String personId, boolean byThemselves) {
        Query cyclesQuery = Query.query(where("subjectIds").is(personId)).with(Sort.by("createdAt"));
        cyclesQuery.fields().include("name", "status");
        List<Document> cycles = mongo.find(cyclesQuery, Document.class, StoredCollections.CYCLES);
        Map<String, Ballots.Counts> counts = ballots.countsOfSubject(
                personId, cycles.stream().map(c -> c.getString("_id")).toList());
        List<Map<String, Object>> views = new ArrayList<>();
        for (Document cycle : cycles) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("cycleId", cycle.getString("_id"));
            view.put("cycleName", cycle.getString("name"));
            view.put("status", cycle.getString("status"));
            Ballots.Counts ballot = counts.get(cycle.getString("_id"));
            boolean ownOpenCycle = byThemselves && "OPEN".equals(cycle.getString("status"));
            view.put("responses", ballot == null || ownOpenCycle ? null : new TreeMap<>(Participation.of(ballot)));
            views.add(view);
        }
        return views;
    }

    private List<Map<String, Object>> nominations(String personId) {
        Query query = Query.query(new Criteria()
                        .orOperator(
                                where("subjectId").is(personId),
                                where("raterId").is(personId)))
                .with(Sort.by("createdAt", "_id"));
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
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> String.valueOf(d.get("name")), (a, b) -> a));
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

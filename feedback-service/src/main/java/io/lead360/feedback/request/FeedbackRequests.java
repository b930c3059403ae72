package io.lead360.feedback.request;

import io.lead360.events.Relationship;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** What the cycle feature needs from requests: create them when a cycle opens, and count them. */
@Component
public class FeedbackRequests {

    /** Per status counts of one subject and relationship. */
    public record Tally(int invited, int responded, int declined) {
    }

    private final MongoTemplate mongo;

    FeedbackRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts each request unless it already exists: a retried open changes nothing. */
    public void createAll(String cycleId, List<NewRequest> requests) {
        for (NewRequest r : requests) {
            try {
                mongo.insert(new FeedbackRequest(r.id(), cycleId, r.subjectId(), r.raterId(), r.relationship(),
                        RequestStatus.PENDING, null, null, List.of()));
            } catch (DuplicateKeyException alreadyThere) {
                // created by an earlier attempt to open this cycle
            }
        }
    }

    /** Subject id to relationship to counts, for every subject with requests in the cycle. */
    public Map<String, Map<Relationship, Tally>> tally(String cycleId) {
        Query query = Query.query(where("cycleId").is(cycleId));
        query.fields().include("subjectId", "relationship", "status");
        Map<String, Map<Relationship, int[]>> counts = new LinkedHashMap<>();
        for (FeedbackRequest r : mongo.find(query, FeedbackRequest.class)) {
            int[] c = counts.computeIfAbsent(r.subjectId(), s -> new EnumMap<>(Relationship.class))
                    .computeIfAbsent(r.relationship(), rel -> new int[3]);
            c[0]++;
            if (r.status() == RequestStatus.SUBMITTED) {
                c[1]++;
            } else if (r.status() == RequestStatus.DECLINED) {
                c[2]++;
            }
        }
        Map<String, Map<Relationship, Tally>> result = new LinkedHashMap<>();
        counts.forEach((subject, byRel) -> {
            Map<Relationship, Tally> tallies = new EnumMap<>(Relationship.class);
            byRel.forEach((rel, c) -> tallies.put(rel, new Tally(c[0], c[1], c[2])));
            result.put(subject, tallies);
        });
        return result;
    }
}

package io.lead360.feedback.ballot;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * How many answers the ballots hold, and how many ballots are due: read for the operator's gauges.
 * Counted by the database; no held answer leaves it for this. Held answers have no age: they carry no
 * time at all (see {@link Ballot}).
 */
@Component
public class BallotBacklog {

    public record Held(long answers, long dueBallots) {}

    private final MongoTemplate mongo;

    BallotBacklog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Held held() {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("held.0", new Document("$exists", true))),
                new Document(
                        "$group",
                        new Document("_id", null)
                                .append("answers", new Document("$sum", new Document("$size", "$held")))));
        Document total =
                mongo.getCollection(Ballot.COLLECTION).aggregate(pipeline).first();
        long answers = total == null ? 0 : total.get("answers", Number.class).longValue();
        long due = mongo.count(Query.query(where("due").is(true)), Ballot.COLLECTION);
        return new Held(answers, due);
    }
}

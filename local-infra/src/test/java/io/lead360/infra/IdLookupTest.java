package io.lead360.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries that name one {@code _id} among other conditions (read from that one document, see
 * {@link IdLookupDatabase}) answer exactly what MongoDB answers: the other conditions still decide, a
 * conditional upsert of an existing id still collides with it, and ids of other types still match.
 */
class IdLookupTest {

    @TempDir
    Path dir;

    private EmbeddedMongo mongo;
    private MongoClient client;
    private MongoCollection<Document> aggregates;

    @BeforeEach
    void start() throws Exception {
        mongo = new EmbeddedMongo(dir, 0, Duration.ofHours(1));
        mongo.start();
        client = MongoClients.create(mongo.connectionString());
        aggregates = client.getDatabase("idlookup").getCollection("aggregates");
        for (int i = 0; i < 50; i++) {
            aggregates.insertOne(
                    new Document("_id", "c:s" + i).append("version", i).append("appliedEvents", List.of("e" + i)));
        }
        aggregates.insertOne(new Document("_id", 7).append("version", 70));
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.stop();
    }

    @Test
    void theOtherConditionsOfTheQueryStillDecide() {
        assertThat(aggregates.find(Filters.and(Filters.eq("_id", "c:s3"), Filters.eq("version", 3))))
                .hasSize(1);
        assertThat(aggregates.find(Filters.and(Filters.eq("_id", "c:s3"), Filters.eq("version", 4))))
                .isEmpty();
        assertThat(aggregates.find(Filters.and(Filters.eq("_id", "c:none"), Filters.eq("version", 3))))
                .isEmpty();
        assertThat(aggregates.find(Filters.and(Filters.eq("_id", 7), Filters.eq("version", 70))))
                .as("a numeric id takes the scan and still matches")
                .hasSize(1);
        assertThat(aggregates.find(Filters.and(Filters.in("_id", "c:s1", "c:s2"), Filters.gte("version", 2))))
                .hasSize(1);
    }

    @Test
    void aConditionalUpdateChangesOnlyTheDocumentItNamesAndOnlyWhenTheConditionHolds() {
        var once = Filters.and(Filters.eq("_id", "c:s5"), Filters.nin("appliedEvents", List.of("e-new")));
        var update = Updates.combine(Updates.inc("n", 1), Updates.addToSet("appliedEvents", "e-new"));

        assertThat(aggregates.updateOne(once, update).getModifiedCount()).isEqualTo(1);
        assertThat(aggregates.updateOne(once, update).getModifiedCount())
                .as("the event is listed now")
                .isZero();
        assertThat(aggregates.find(Filters.exists("n"))).hasSize(1);
    }

    @Test
    void anUpsertWhoseConditionFailsOnAnExistingIdCollidesWithItLikeInMongoDb() {
        var applied = Filters.and(Filters.eq("_id", "c:s9"), Filters.nin("appliedEvents", List.of("e9")));

        assertThatThrownBy(() -> aggregates.updateOne(applied, Updates.inc("n", 1), new UpdateOptions().upsert(true)))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");

        var fresh = Filters.and(Filters.eq("_id", "c:new"), Filters.nin("appliedEvents", List.of("e1")));
        aggregates.updateOne(fresh, Updates.inc("n", 1), new UpdateOptions().upsert(true));
        assertThat(aggregates.find(Filters.eq("_id", "c:new")).first()).containsEntry("n", 1);
    }
}

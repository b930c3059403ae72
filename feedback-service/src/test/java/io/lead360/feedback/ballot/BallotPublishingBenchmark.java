package io.lead360.feedback.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.events.Relationship;
import io.lead360.feedback.it.AbstractIT;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A measurement, not a timed test: the rate at which the ballot publisher (the outbox of submissions)
 * moves held answers to Kafka — read the due ballots, send every record of a round in flight, wait for
 * the acknowledgements once, settle the round in one bulk write. {@code benchmark.ballots} sealed ballots
 * of {@code benchmark.answers} held answers each (a cycle's close) are published by rounds run on this
 * thread, the application's own publisher stopped, after as many again published to warm up. Runs only with the {@code benchmarks} profile:
 * {@code ./mvnw -B verify -pl feedback-service -am -Pbenchmarks -Dit.test=BallotPublishingBenchmark
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BallotPublishingBenchmark extends AbstractIT {

    private static final int BALLOTS = Integer.getInteger("benchmark.ballots", 1_000);
    private static final int WARM_UP = Integer.getInteger("benchmark.warmup.ballots", 1_000);
    private static final int ANSWERS = Integer.getInteger("benchmark.answers", 20);
    /** About the size of a sealed FeedbackSubmitted record of the built-in template with three comments. */
    private static final int PAYLOAD_CHARS = 2_000;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> "lead360_feedback_benchmark");
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BallotPublisher publisher;

    @Test
    void publishTheHeldAnswersOfAClosedCycle() {
        publisher.stop();
        try {
            mongo.insert(ballots("warm-up-" + tag, WARM_UP), Ballot.class);
            publishAll(); // the JIT, the producer and the connections warm up
            String cycleId = "bench-" + tag;
            mongo.insert(ballots(cycleId, BALLOTS), Ballot.class);
            long started = System.nanoTime();
            int[] publishedAndRounds = publishAll();
            int published = publishedAndRounds[0];
            int rounds = publishedAndRounds[1];
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "ballot publisher: %,d answers of %,d ballots published in %.2f s (%d rounds): %,.0f answers/s"
                            + " (%d cores; target >= 3,000/s)%n",
                    published,
                    BALLOTS,
                    seconds,
                    rounds,
                    published / seconds,
                    Runtime.getRuntime().availableProcessors());
            assertThat(mongo.find(Query.query(where("cycleId").is(cycleId)), Ballot.class))
                    .allSatisfy(b -> assertThat(b.heldOrEmpty()).isEmpty());
        } finally {
            publisher.start();
        }
    }

    /** Runs rounds until no ballot is due: {published, rounds}. */
    private int[] publishAll() {
        int published = 0;
        int rounds = 0;
        for (int round; (round = publisher.publishDue()) > 0; rounds++) {
            published += round;
        }
        return new int[] {published, rounds};
    }

    private List<Ballot> ballots(String cycleId, int count) {
        SecureRandom random = new SecureRandom();
        List<Ballot> ballots = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            String subjectId = UUID.randomUUID().toString();
            List<Ballot.Held> held = new ArrayList<>(ANSWERS);
            for (int a = 0; a < ANSWERS; a++) {
                byte[] sealed = new byte[PAYLOAD_CHARS * 3 / 4];
                random.nextBytes(sealed);
                held.add(new Ballot.Held(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        Relationship.PEER,
                        Base64.getEncoder().encodeToString(sealed)));
            }
            held.sort(java.util.Comparator.comparing(Ballot.Held::key));
            ballots.add(new Ballot(
                    Ballot.idOf(cycleId, subjectId),
                    cycleId,
                    subjectId,
                    3,
                    Map.of(Relationship.PEER, ANSWERS),
                    Map.of(Relationship.PEER, ANSWERS),
                    Map.of(),
                    held,
                    List.of(),
                    true,
                    1L,
                    true));
        }
        return ballots;
    }
}

package io.lead360.feedback.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.Topics;
import io.lead360.feedback.it.KafkaDownIT;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * With the broker unreachable a response is accepted at once: it is counted and held in the ballot,
 * and published once a publisher reaches Kafka.
 */
class BallotsWhileKafkaDownIT extends KafkaDownIT {

    @org.springframework.beans.factory.annotation.Autowired
    Ballots ballots;

    @Test
    void aResponseWhileKafkaIsDownIsCountedHeldAndPublishedOnceKafkaIsReachable() throws Exception {
        Team team = openCycleAboutABoss();
        // the boss's self-assessment: attributed, so it is published as soon as it can be
        String request = call(get("/api/feedback-requests"), team.bossToken(), null)
                .get(0)
                .get("id")
                .asString();
        long start = System.nanoTime();
        mvc.perform(post("/api/feedback-requests/" + request + "/response")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + team.bossToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ratings\":{\"trust-1\":5}}"))
                .andExpect(status().isCreated());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        String ballotId = Ballot.idOf(team.cycleId(), team.bossId());
        Thread.sleep(1500);
        Ballot ballot = mongo.findById(ballotId, Ballot.class);
        assertThat(ballot.respondedOf(io.lead360.events.Relationship.SELF)).isEqualTo(1);
        assertThat(ballot.heldOrEmpty()).hasSize(1);

        BallotPublisher recovered =
                new BallotPublisher(mongo, senderToTheRealBroker(), properties, ObservationRegistry.NOOP, ballots);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            recovered.publishDue();
            return mongo.findById(ballotId, Ballot.class).heldOrEmpty().isEmpty();
        });
        assertThat(mongo.findById(ballotId, Ballot.class).isDue()).isFalse();
        assertThat(arrives(Topics.FEEDBACK_SUBMITTED, team.cycleId())).isTrue();
    }
}

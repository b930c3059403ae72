package io.lead360.analytics;

import static io.lead360.events.Relationship.MANAGER;
import static io.lead360.events.Relationship.PEER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.analytics.cycle.CycleStatus;
import io.lead360.analytics.cycle.CycleStore;
import io.lead360.analytics.profile.aggregate.ProfileAggregate;
import io.lead360.analytics.profile.aggregate.ProfileAggregateStore;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.ResultsReleased;
import io.lead360.events.SealedSubject;
import io.lead360.events.SubjectSeal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whoever can write to the topics but holds no subject key can neither add, move nor change what
 * an event says about a subject, nor open, alter or release a cycle: such events do not open, go
 * to the dead-letter topic and change nothing.
 */
class SealedEventsIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper SEALED_JSON = JsonMapper.builder().build();

    @Autowired
    ProfileAggregateStore aggregates;

    @Autowired
    CycleStore cycles;

    @Test
    void aForgedOrMovedSubmissionIsDeadLetteredAndChangesNothing() {
        String lea = unique("lea");
        String max = unique("max");
        String stranger = unique("stranger");
        String cycleId = unique("cycle");
        String otherCycle = unique("cycle");
        FeedbackSubmitted genuine = submission(cycleId, lea, PEER, Map.of("t1", 4), Map.of("start", "genuine"));
        publish(genuine);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                aggregates.find(cycleId, lea).group(PEER).responses())
                        .isEqualTo(1));
        FeedbackKeyEndpoint.get().keyOf(max); // a subject feedback-service knows
        Instant day = genuine.occurredAt();

        publish(forgedSubmission(cycleId, lea, "forged"));
        publish(new FeedbackSubmitted(UUID.randomUUID(), 2, day, cycleId, lea, genuine.answers())); // replayed as new
        publish(new FeedbackSubmitted(
                genuine.eventId(), 2, day, otherCycle, lea, genuine.answers())); // moved to a cycle
        publish(new FeedbackSubmitted(
                genuine.eventId(), 2, day, cycleId, max, genuine.answers())); // moved to a subject
        publish(forgedSubmission(cycleId, stranger, "about nobody feedback-service knows"));
        // behind them on lea's partition: applied only once they were handled
        publish(submission(cycleId, lea, PEER, Map.of("t1", 2), Map.of("start", "trailer")));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                aggregates.find(cycleId, lea).group(PEER).responses())
                        .isEqualTo(2));
        for (var expected : Map.of(lea, 3, max, 1, stranger, 1).entrySet()) {
            List<ConsumerRecord<String, String>> dead =
                    awaitDeadLetters(FEEDBACK_DLT, expected.getKey(), expected.getValue(), PATIENCE);
            assertThat(dead)
                    .hasSize(expected.getValue())
                    .allSatisfy(r -> assertThat(header(r, "kafka_dlt-exception-cause-fqcn"))
                            .isEqualTo(INVALID_EVENT));
        }
        ProfileAggregate.GroupTally peers = aggregates.find(cycleId, lea).group(PEER);
        assertThat(peers.item("t1")).isEqualTo(new ProfileAggregate.ItemTally(6, 2));
        assertThat(peers.comments()).containsExactly(Map.entry("start", List.of("genuine", "trailer")));
        assertThat(aggregates.find(otherCycle, lea)).isEqualTo(ProfileAggregate.EMPTY);
        assertThat(aggregates.find(cycleId, max)).isEqualTo(ProfileAggregate.EMPTY);
        assertThat(aggregates.find(cycleId, stranger)).isEqualTo(ProfileAggregate.EMPTY);
    }

    @Test
    void aCycleWhoseReadableThresholdOrQuestionnaireWasChangedIsInvalid() {
        String lea = unique("lea");
        String lowered = unique("cycle");
        String reworded = unique("cycle");
        String unvouched = unique("cycle");
        CycleOpened strict = cycleOpened(lowered, 5, Map.of(lea, Map.of(PEER, 5)));
        CycleOpened plain = cycleOpened(reworded, 3, Map.of(lea, Map.of(PEER, 5)));
        CycleOpened.Questionnaire q = plain.questionnaire();
        var otherWording = new CycleOpened.Questionnaire(
                q.templateId(),
                q.name(),
                List.of(new CycleOpened.Competency(
                        "TRUST", "Trust", List.of(new CycleOpened.Item("t1", "micromanages", false)))),
                q.openQuestions());

        publish(new CycleOpened(
                strict.eventId(),
                2,
                strict.occurredAt(),
                lowered,
                strict.name(),
                3,
                strict.questionnaire(),
                strict.subjects()));
        publish(new CycleOpened(
                plain.eventId(), 2, plain.occurredAt(), reworded, plain.name(), 3, otherWording, plain.subjects()));
        // no part at all: nothing any subject's key vouches for
        publish(new CycleOpened(
                UUID.randomUUID(), 2, Instant.now(), unvouched, "Forged", 3, questionnaire(), List.of()));

        for (String cycleId : List.of(lowered, reworded, unvouched)) {
            assertThat(awaitDeadLetters(CYCLE_DLT, cycleId, 1, PATIENCE))
                    .singleElement()
                    .satisfies(r -> assertThat(header(r, "kafka_dlt-exception-cause-fqcn"))
                            .isEqualTo(INVALID_EVENT));
            assertThat(cycles.find(cycleId)).as(cycleId).isEmpty();
        }
        // the untouched event opens the cycle, with the threshold that was sealed
        publish(strict);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(cycles.find(lowered))
                        .hasValueSatisfying(
                                c -> assertThat(c.anonymityThreshold()).isEqualTo(5)));
    }

    @Test
    void aReleaseThatDoesNotOpenReleasesNothing() throws Exception {
        String lea = unique("lea");
        String cycleId = unique("cycle");
        String admin = bearer(unique("hr"), "EMPLOYEE", "ADMIN");
        String leaToken = bearer(lea, "EMPLOYEE", "LEADER");
        publish(cycleOpened(cycleId, 3, Map.of(lea, Map.of(MANAGER, 1))));
        publish(submission(cycleId, lea, MANAGER, Map.of("t1", 4), Map.of()));
        publish(cycleClosed(cycleId, Map.of(lea, Map.of(MANAGER, 1))));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/{id}", lea)
                                .param("cycleId", cycleId)
                                .header(HttpHeaders.AUTHORIZATION, admin))
                        .andExpect(status().isOk()));

        UUID forgedId = UUID.randomUUID();
        publish(new ResultsReleased(
                forgedId,
                2,
                Instant.now(),
                cycleId,
                List.of(new SealedSubject(
                        lea,
                        SubjectSeal.seal(
                                SubjectSeal.newKey(),
                                SubjectSeal.context("ResultsReleased", forgedId, cycleId, lea),
                                SEALED_JSON.writeValueAsBytes(new ResultsReleased.Release(cycleId)))))));
        publish(new ResultsReleased(UUID.randomUUID(), 2, Instant.now(), cycleId, List.of()));
        ResultsReleased ofAnotherCycle = resultsReleased(unique("cycle"), List.of(lea));
        publish(new ResultsReleased(ofAnotherCycle.eventId(), 2, Instant.now(), cycleId, ofAnotherCycle.subjects()));

        assertThat(awaitDeadLetters(CYCLE_DLT, cycleId, 3, PATIENCE)).hasSize(3);
        assertThat(cycles.find(cycleId))
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(CycleStatus.CLOSED));
        mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, leaToken))
                .andExpect(status().isNotFound());

        publish(resultsReleased(cycleId, List.of(lea)));
        await().atMost(PATIENCE)
                .untilAsserted(() -> mvc.perform(get("/api/profiles/me").header(HttpHeaders.AUTHORIZATION, leaToken))
                        .andExpect(status().isOk()));
    }
}

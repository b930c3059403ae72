package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The close is a cut: submissions fired together with the close are each either counted (201) or
 * refused (409), never both and never neither, and what the close counted is all there ever is.
 * Run many times, with the close started at a random moment among the submissions.
 */
class CloseIsACutIT extends AbstractIT {

    private static final int ROUNDS = 15;
    private static final int REPORTS = 6;

    @Test
    void aSubmissionRacingTheCloseIsCountedExactlyWhenItWasAcknowledged() throws Exception {
        int acknowledgedInAll = 0;
        int refusedInAll = 0;
        ExecutorService pool = Executors.newFixedThreadPool(REPORTS + 2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Round r = race(pool, round);
                acknowledgedInAll += r.acknowledged();
                refusedInAll += r.refused();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "close-vs-submit race: %d rounds, %d acknowledged, %d refused%n",
                ROUNDS, acknowledgedInAll, refusedInAll);
        assertThat(acknowledgedInAll + refusedInAll).isEqualTo(ROUNDS * (REPORTS + 1));
    }

    private record Round(int acknowledged, int refused) {}

    private Round race(ExecutorService pool, int round) throws Exception {
        String team = "r" + round;
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(person(email(team + "m"), "M", null));
        for (int i = 0; i < REPORTS; i++) {
            rows.add(person(email(team + "d" + i), "D" + i, email(team + "m")));
        }
        Map<String, String> id = importAndGetIds(rows);
        String subject = id.get(team + "m");
        String cycle = body(postAs(
                                adminToken(),
                                "/api/cycles",
                                Map.of(
                                        "name",
                                        "Race " + tag + " " + round,
                                        "templateId",
                                        "leadership-360",
                                        "subjectIds",
                                        List.of(subject)))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        List<String> raters = new ArrayList<>();
        raters.add(subject);
        for (int i = 0; i < REPORTS; i++) {
            raters.add(id.get(team + "d" + i));
        }
        Map<String, String> requestOf = new java.util.HashMap<>();
        Map<String, String> tokenOf = new java.util.HashMap<>();
        for (String rater : raters) {
            requestOf.put(rater, requestsOf(rater).get(0).get("id").asString());
            tokenOf.put(rater, personToken(rater));
        }
        String admin = adminToken();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> submissions = new ArrayList<>();
        for (String rater : raters) {
            submissions.add(pool.submit(timed(
                    start,
                    0,
                    () -> postAs(
                                    tokenOf.get(rater),
                                    "/api/feedback-requests/" + requestOf.get(rater) + "/response",
                                    Map.of("ratings", Map.of("trust-1", 4)))
                            .andReturn()
                            .getResponse()
                            .getStatus())));
        }
        int delay = ThreadLocalRandom.current().nextInt(0, 25);
        Future<Integer> close = pool.submit(timed(
                start,
                delay,
                () -> postAs(admin, "/api/cycles/" + cycle + "/close", null)
                        .andReturn()
                        .getResponse()
                        .getStatus()));
        start.countDown();
        assertThat(close.get()).isEqualTo(200);
        int selfAcknowledged = 0;
        int reportsAcknowledged = 0;
        int refused = 0;
        for (int i = 0; i < submissions.size(); i++) {
            int status = submissions.get(i).get();
            assertThat(status)
                    .as("a submission racing the close answers 201 or 409, nothing else")
                    .isIn(201, 409);
            if (status == 201) {
                if (i == 0) {
                    selfAcknowledged++;
                } else {
                    reportsAcknowledged++;
                }
            } else {
                refused++;
            }
        }
        // what the close counted: exactly the acknowledged ones
        JsonNode progress = body(getAs(admin, "/api/cycles/" + cycle + "/progress"));
        assertThat(progress.at("/subjects/0/relationships/DIRECT_REPORT/responded")
                        .asInt())
                .as("round %d", round)
                .isEqualTo(reportsAcknowledged);
        assertThat(progress.at("/subjects/0/relationships/SELF/responded").asInt())
                .isEqualTo(selfAcknowledged);
        // a refused rater's request is still theirs, pending, and stays refused
        for (int i = 0; i < raters.size(); i++) {
            String rater = raters.get(i);
            String status = requestsOf(rater).get(0).get("status").asString();
            if (i == 0 ? selfAcknowledged == 1 : true) {
                assertThat(status).isIn("SUBMITTED", "PENDING");
            }
            postAs(
                            tokenOf.get(rater),
                            "/api/feedback-requests/" + requestOf.get(rater) + "/response",
                            Map.of("ratings", Map.of("trust-1", 1)))
                    .andExpect(status().isConflict());
        }
        JsonNode after = body(getAs(admin, "/api/cycles/" + cycle + "/progress"));
        assertThat(after.at("/subjects/0/relationships/DIRECT_REPORT/responded").asInt())
                .isEqualTo(reportsAcknowledged);
        if (round == 0) {
            // CycleClosed carries the same counts, sealed for the subject
            ConsumerRecord<String, String> closed =
                    consume(Topics.CYCLE_EVENTS, "\"cycleId\":\"" + cycle + "\"", 2, Duration.ZERO).stream()
                            .filter(e -> e.value().contains("CycleClosed"))
                            .findFirst()
                            .orElseThrow();
            JsonNode tally = sealedPartOf(closed, subject);
            assertThat(tally.at("/responded/DIRECT_REPORT").asInt()).isEqualTo(reportsAcknowledged);
        }
        return new Round(selfAcknowledged + reportsAcknowledged, refused);
    }

    private static <T> Callable<T> timed(CountDownLatch start, int delayMillis, Callable<T> call) {
        return () -> {
            start.await();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            return call.call();
        };
    }
}

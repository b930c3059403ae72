package io.lead360.feedback.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.feedback.it.KafkaDownIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** With the broker unreachable the backlog grows where the operator can see it, and ages. */
class BacklogWhileKafkaDownIT extends KafkaDownIT {

    @Autowired
    MeterRegistry registry;

    @Test
    void aWaitingCycleEventAndAHeldAnswerShowInTheBacklogGaugesAndTheEventAges() throws Exception {
        Team team = openCycleAboutABoss();
        String request = call(get("/api/feedback-requests"), team.bossToken(), null)
                .get(0)
                .get("id")
                .asString();
        mvc.perform(post("/api/feedback-requests/" + request + "/response")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + team.bossToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ratings\":{\"trust-1\":5}}"))
                .andExpect(status().isCreated());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gauge(BacklogMetrics.OUTBOX_WAITING, "cycles")).isGreaterThanOrEqualTo(1);
            assertThat(gauge(BacklogMetrics.OUTBOX_OLDEST_AGE, "cycles")).isGreaterThan(1.0);
            assertThat(registry.get(BacklogMetrics.HELD_ANSWERS).gauge().value())
                    .isGreaterThanOrEqualTo(1);
            assertThat(registry.get(BacklogMetrics.DUE_BALLOTS).gauge().value()).isGreaterThanOrEqualTo(1);
        });
        assertThat(gauge(BacklogMetrics.OUTBOX_WAITING, "erasures")).isZero();
        assertThat(gauge(BacklogMetrics.OUTBOX_OLDEST_AGE, "erasures")).isZero();
    }

    private double gauge(String name, String outbox) {
        return registry.get(name).tag("outbox", outbox).gauge().value();
    }
}

package io.lead360.feedback.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.feedback.it.AbstractIT;
import io.lead360.testsupport.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A measurement, not a timed test: how long from opening a cycle with about 1,000 raters until the last
 * invitation is accepted by the mail server (the embedded GreenMail over SMTP), side by side with a
 * baseline on the same machine and server: the same number of plain messages sent straight through one
 * SMTP connection, with no outbox, no database and no templates. Runs only with the {@code benchmarks}
 * profile: {@code ./mvnw -pl feedback-service -am verify -Pbenchmarks -Dit.test=InvitationMailBenchmark}.
 */
class InvitationMailBenchmark extends AbstractIT {

    private static final int LEADERS = 100;
    private static final int REPORTS_PER_LEADER = 9;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> "lead360_feedback_mail_benchmark");
        // the default pace of the product, not the tests' faster one
        registry.add("lead360.mail.send-interval", () -> "1s");
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JavaMailSenderImpl smtp;

    /** A CEO, 100 leaders reporting to the CEO, 9 reports each: 1,001 raters when the leaders are the subjects. */
    private List<Map<String, Object>> organisation() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("ceo", null));
        for (int l = 0; l < LEADERS; l++) {
            rows.add(row("l" + l, "ceo"));
            for (int r = 0; r < REPORTS_PER_LEADER; r++) {
                rows.add(row("l" + l + "r" + r, "l" + l));
            }
        }
        return rows;
    }

    private Map<String, Object> row(String local, String manager) {
        Map<String, Object> row = new HashMap<>();
        row.put("email", local + "-" + tag + "@mail-bench.test");
        row.put("name", "Person " + local);
        if (manager != null) {
            row.put("managerEmail", manager + "-" + tag + "@mail-bench.test");
        }
        return row;
    }

    @Test
    void openToLastInvitationForAThousandRaters() throws Exception {
        for (String collection :
                List.of("people", "cycles", "feedback_requests", "ballots", "mail_outbox", "password_links")) {
            mongo.remove(new Query(), collection);
        }
        postAs(adminToken(), "/api/people/import", json.writeValueAsString(organisation()))
                .andExpect(status().isOk());
        JsonNode cycle = body(postAs(
                        adminToken(),
                        "/api/cycles",
                        Map.of("name", "Mail benchmark", "templateId", "leadership-360", "allLeaders", true))
                .andExpect(status().isCreated()));
        String cycleId = cycle.get("id").asString();
        long people = mongo.count(new Query(), "people");
        int receivedBefore = TestInfrastructure.get().mail().receivedCount();

        long start = System.nanoTime();
        postAs(adminToken(), "/api/cycles/" + cycleId + "/open", null).andExpect(status().isOk());
        long opened = System.nanoTime();
        int expected = mongo.findDistinct(
                        Query.query(org.springframework.data.mongodb.core.query.Criteria.where("cycleId")
                                .is(cycleId)),
                        "raterId",
                        "feedback_requests",
                        String.class)
                .size();
        while (true) {
            JsonNode invitations = body(getAs(adminToken(), "/api/cycles/" + cycleId + "/mail"))
                    .get("invitations");
            if (invitations.get("sent").asInt() + invitations.get("failed").asInt() >= expected) {
                assertThat(invitations.get("failed").asInt()).isZero();
                break;
            }
            Thread.sleep(50);
        }
        Duration lead360 = Duration.ofNanos(System.nanoTime() - start);
        Duration openCall = Duration.ofNanos(opened - start);
        assertThat(TestInfrastructure.get().mail().receivedCount() - receivedBefore)
                .isGreaterThanOrEqualTo(expected);

        // the baseline: the same number of messages, straight through one connection
        List<MimeMessage> plain = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom("bench@lead360.local");
            helper.setTo("baseline" + i + "-" + tag + "@mail-bench.test");
            helper.setSubject("Baseline " + i);
            helper.setText("Hello,\n\nplain text.", "<p>Hello,</p><p>html.</p>");
            plain.add(message);
        }
        long baselineStart = System.nanoTime();
        smtp.send(plain.toArray(MimeMessage[]::new));
        Duration baseline = Duration.ofNanos(System.nanoTime() - baselineStart);

        System.out.printf(
                "%n[benchmark] %,d raters (of %,d people) invited: open call %,d ms, open to last invitation"
                        + " accepted %,d ms (%.0f mails/s)%n",
                expected, people, openCall.toMillis(), lead360.toMillis(), expected * 1000.0 / lead360.toMillis());
        System.out.printf(
                "[benchmark] baseline, %,d plain messages through one SMTP connection: %,d ms (%.0f mails/s);"
                        + " lead360 / baseline = %.2f%n%n",
                expected,
                baseline.toMillis(),
                expected * 1000.0 / Math.max(1, baseline.toMillis()),
                (double) lead360.toMillis() / Math.max(1, baseline.toMillis()));
    }
}

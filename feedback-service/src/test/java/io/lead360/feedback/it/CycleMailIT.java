package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.feedback.person.PersonService;
import io.lead360.infra.MailInbox;
import io.lead360.testsupport.TestInfrastructure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Who gets which mail when a cycle opens, is reminded and released, read back over IMAP from the real
 * (embedded) mail server the service sends to over SMTP.
 */
class CycleMailIT extends AbstractIT {

    private static final Pattern SET_PASSWORD =
            Pattern.compile("http://lead360\\.test/#/set-password\\?token=([^\\s\"<]+)");
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PersonService people;

    /** boss ← {mo, nia}; mo ← {a1, a2}; nia ← {c1}. boss has a password, nobody else has. */
    private Map<String, String> org() throws Exception {
        Map<String, Object> boss = person(email("boss"), "Boss", null);
        boss.put("password", "boss-password-1");
        return importAndGetIds(List.of(
                boss,
                person(email("mo"), "Mo", email("boss")),
                person(email("nia"), "Nia <b>", email("boss")),
                person(email("a1"), "A1", email("mo")),
                person(email("a2"), "A2", email("mo")),
                person(email("c1"), "C1", email("nia"))));
    }

    private String openCycle(List<String> subjects) throws Exception {
        String cycle = body(postAs(
                                adminToken(),
                                "/api/cycles",
                                Map.of(
                                        "name",
                                        "Spring " + tag,
                                        "templateId",
                                        "leadership-360",
                                        "subjectIds",
                                        subjects,
                                        "closesAt",
                                        Instant.now().plus(Duration.ofDays(10)).toString()))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
        postAs(adminToken(), "/api/cycles/" + cycle + "/open", null).andExpect(status().isOk());
        return cycle;
    }

    private static List<MailInbox.Mail> inbox(String address) {
        return TestInfrastructure.get().inbox(address);
    }

    /** The mails of the address once {@code count} have arrived and nothing more came for a moment. */
    private static List<MailInbox.Mail> awaitMail(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(address).size() >= count);
        await().pollDelay(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> true);
        return inbox(address);
    }

    @Test
    void openingInvitesEachRaterOnceWithEveryRequestOfTheirsAndASetPasswordLinkWhereNeeded() throws Exception {
        Map<String, String> id = org();
        String cycle = openCycle(List.of(id.get("mo"), id.get("nia")));

        // boss rates both as their manager: one mail with both, each linked to its questionnaire
        List<MailInbox.Mail> boss = awaitMail(email("boss"), 1);
        assertThat(boss).hasSize(1);
        MailInbox.Mail invitation = boss.get(0);
        assertThat(invitation.subject()).isEqualTo("Your feedback is asked for: Spring " + tag);
        assertThat(invitation.from()).contains("lead360");
        for (JsonNode request : requestsOf(id.get("boss"))) {
            String link = "http://lead360.test/#/feedback/" + request.get("id").asString();
            assertThat(invitation.text()).contains(link);
            assertThat(invitation.html()).contains("href=\"" + link + "\"");
        }
        assertThat(invitation.text()).contains("Mo, as their manager", "Nia <b>, as their manager");
        // a name is text, never markup
        assertThat(invitation.html()).contains("Nia &lt;b&gt;").doesNotContain("Nia <b>");
        assertThat(invitation.text()).contains("The cycle closes on");
        // boss has a password: no link to set one
        assertThat(invitation.text()).doesNotContain("set-password");

        // mo rates themselves and their peer nia: one mail with both; no password yet, so a link to set one
        MailInbox.Mail mo = awaitMail(email("mo"), 1).get(0);
        assertThat(mo.text()).contains("Mo, your self-assessment", "Nia <b>, as a peer");
        assertThat(SET_PASSWORD.matcher(mo.text()).find()).isTrue();
        assertThat(mo.html()).contains("set-password");
        assertThat(awaitMail(email("a1"), 1)).hasSize(1);
        assertThat(awaitMail(email("c1"), 1).get(0).text()).contains("Nia <b>, as someone who reports to them");

        // administrators see counts only: 6 raters invited, nothing queued or failed
        getAs(adminToken(), "/api/cycles/" + cycle + "/mail")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invitations.sent").value(6))
                .andExpect(jsonPath("$.invitations.queued").value(0))
                .andExpect(jsonPath("$.invitations.failed").value(0))
                .andExpect(jsonPath("$.reminders.sent").value(0));
        // the outbox keeps no trace of whom a sent mail was for
        for (Document d : mongo.find(Query.query(where("cycleId").is(cycle)), Document.class, "mail_outbox")) {
            assertThat(d.keySet()).doesNotContain("personId");
            assertThat(d.toJson()).doesNotContain(tag).doesNotContain(id.get("a1"));
        }
    }

    @Test
    void theLinkInTheInvitationSetsAPasswordOnceAndEndsTheOtherSessions() throws Exception {
        Map<String, String> id = org();
        openCycle(List.of(id.get("mo")));
        String token = passwordTokenIn(awaitMail(email("a1"), 1).get(0));
        String oldSession = sessionFor(id.get("a1"));

        postPublic("/api/auth/password", Map.of("token", token, "password", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        postPublic("/api/auth/password", Map.of("token", token, "password", "a1-chose-this"))
                .andExpect(status().isNoContent());
        assertThat(people.verify(email("a1"), "a1-chose-this")).isPresent();
        assertThat(sessions.isLive(oldSession, id.get("a1"))).isFalse();
        // once only
        postPublic("/api/auth/password", Map.of("token", token, "password", "someone-else-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("token"));
        assertThat(people.verify(email("a1"), "someone-else-1")).isEmpty();
    }

    @Test
    void forgotPasswordAnswersTheSameForEveryAddressAndMailsOnlyKnownPeopleOncePerInterval() throws Exception {
        org();
        postPublic("/api/auth/password-reset", Map.of("email", email("a2"))).andExpect(status().isAccepted());
        postPublic("/api/auth/password-reset", Map.of("email", email("a2"))).andExpect(status().isAccepted());
        postPublic("/api/auth/password-reset", Map.of("email", email("nobody"))).andExpect(status().isAccepted());
        postPublic("/api/auth/password-reset", "{").andExpect(status().isBadRequest());

        List<MailInbox.Mail> mails = awaitMail(email("a2"), 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("Set your lead360 password");
        assertThat(mails.get(0).text()).contains("24 hours");
        assertThat(inbox(email("nobody"))).isEmpty();

        postPublic("/api/auth/password", Map.of("token", passwordTokenIn(mails.get(0)), "password", "a2-new-password"))
                .andExpect(status().isNoContent());
        assertThat(people.verify(email("a2"), "a2-new-password")).isPresent();
    }

    @Test
    void remindNowWritesOnlyToThoseWithSomethingOpenWhoWantRemindersAndReleaseTellsTheSubjects() throws Exception {
        Map<String, String> id = org();
        String cycle = openCycle(List.of(id.get("mo")));
        for (String rater : List.of("boss", "mo", "nia", "a1", "a2")) {
            awaitMail(email(rater), 1);
        }
        // a1 answers; a2 turns reminders off through the link a reminder would carry
        postAs(
                        personToken(id.get("a1")),
                        "/api/feedback-requests/"
                                + requestsOf(id.get("a1")).get(0).get("id").asString() + "/response",
                        Map.of("ratings", Map.of("trust-1", 4)))
                .andExpect(status().isCreated());
        putAs(personToken(id.get("a2")), "/api/me/notifications", Map.of("reminders", false))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminders").value(false));

        postAs(adminToken(), "/api/cycles/" + cycle + "/remind", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminded").value(4)) // requests still pending: boss, mo, nia (peer), a2
                .andExpect(jsonPath("$.mailsQueued").value(3)); // a2 asked for none
        // at most once an hour
        postAs(adminToken(), "/api/cycles/" + cycle + "/remind", null).andExpect(status().isConflict());

        List<MailInbox.Mail> boss = awaitMail(email("boss"), 2);
        assertThat(boss).hasSize(2);
        MailInbox.Mail reminder = boss.get(1);
        assertThat(reminder.subject()).isEqualTo("Reminder: your feedback for Spring " + tag);
        assertThat(reminder.text()).contains("Mo, as their manager");
        assertThat(reminder.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = reminder.header("List-Unsubscribe");
        assertThat(unsubscribe).startsWith("<http://lead360.test/api/mail/unsubscribe?token=");
        assertThat(awaitMail(email("mo"), 2)).hasSize(2);
        assertThat(inbox(email("a1"))).hasSize(1);
        assertThat(inbox(email("a2"))).hasSize(1);

        // one click (RFC 8058): the mail client posts the header's link without signing in
        String token = URLDecoder.decode(
                unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.length() - 1),
                StandardCharsets.UTF_8);
        mvc.perform(post("/api/mail/unsubscribe")
                        .param("token", token)
                        .contentType("application/x-www-form-urlencoded")
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        getAs(personToken(id.get("boss")), "/api/me/notifications")
                .andExpect(jsonPath("$.reminders").value(false));
        // a forged token unsubscribes nobody
        mvc.perform(post("/api/mail/unsubscribe").param("token", id.get("mo") + "." + "0".repeat(43)))
                .andExpect(status().isBadRequest());
        getAs(personToken(id.get("mo")), "/api/me/notifications")
                .andExpect(jsonPath("$.reminders").value(true));

        postAs(adminToken(), "/api/cycles/" + cycle + "/close", null).andExpect(status().isOk());
        postAs(adminToken(), "/api/cycles/" + cycle + "/release", null).andExpect(status().isOk());
        List<MailInbox.Mail> mo = awaitMail(email("mo"), 3);
        assertThat(mo).hasSize(3);
        MailInbox.Mail results = mo.get(2);
        assertThat(results.subject()).isEqualTo("Your 360 results are ready: Spring " + tag);
        assertThat(results.text()).contains("http://lead360.test/#/profile");
        // raters get nothing at release
        assertThat(inbox(email("boss"))).hasSize(2);
        getAs(adminToken(), "/api/cycles/" + cycle + "/mail")
                .andExpect(jsonPath("$.invitations.sent").value(5))
                .andExpect(jsonPath("$.reminders.sent").value(3))
                .andExpect(jsonPath("$.resultsReady.sent").value(1));
    }

    @Test
    void mailSettingsAreOnesOwnAndCheckedAndTheLanguageIsUsed() throws Exception {
        Map<String, String> id = org();
        putAs(personToken(id.get("c1")), "/api/me/notifications", Map.of("language", "xx"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("reminders", "language")));
        putAs(personToken(id.get("c1")), "/api/me/notifications", Map.of("reminders", true, "language", "de"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("de"));
        openCycle(List.of(id.get("nia")));
        MailInbox.Mail invitation = awaitMail(email("c1"), 1).get(0);
        assertThat(invitation.subject()).isEqualTo("Ihr Feedback ist gefragt: Spring " + tag);
        assertThat(invitation.html()).contains("lang=\"de\"");
    }

    private org.springframework.test.web.servlet.ResultActions postPublic(String path, Object body) throws Exception {
        return mvc.perform(post(path)
                .contentType("application/json")
                .content(body instanceof String s ? s : json.writeValueAsString(body)));
    }

    private static String passwordTokenIn(MailInbox.Mail mail) {
        Matcher m = SET_PASSWORD.matcher(mail.text());
        assertThat(m.find()).as("a set-password link in\n" + mail.text()).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }
}

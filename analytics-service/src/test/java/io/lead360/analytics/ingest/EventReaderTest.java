package io.lead360.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.ResultsReleased;
import io.lead360.events.SealedSubject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The readable envelope of contract version 2; what is sealed is {@link EventSealsTest}'s. */
class EventReaderTest {

    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");
    private static final String SEALED = "c2VhbGVkLXRleHQtdGhhdC1pcy1sb25nLWVub3VnaC10by1sb29rLXJpZ2h0";
    private static final CycleOpened.Questionnaire QUESTIONNAIRE = new CycleOpened.Questionnaire(
            "leadership-360",
            "L",
            List.of(new CycleOpened.Competency(
                    "TRUST", "Trust", List.of(new CycleOpened.Item("t1", "Trusts me", false)))),
            List.of(new CycleOpened.OpenQuestion("start", "Start?")));

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventReader reader = new EventReader(json);

    @Test
    void readsEveryEventOfVersionTwo() {
        List<FeedbackEvent> events = List.of(
                new FeedbackSubmitted(UUID.randomUUID(), 2, DAY, "c1", "lea", SEALED),
                new CycleOpened(
                        UUID.randomUUID(), 2, DAY, "c1", "Spring", 3, QUESTIONNAIRE, List.of(part("lea"), part("max"))),
                new CycleClosed(UUID.randomUUID(), 2, DAY, "c1", List.of(part("lea"))),
                new ResultsReleased(UUID.randomUUID(), 2, DAY, "c1", List.of(part("lea"))),
                new PersonErased(UUID.randomUUID(), 1, DAY, "lea"));

        for (FeedbackEvent event : events) {
            assertThat(reader.read(json.writeValueAsString(event))).isEqualTo(event);
        }
    }

    @Test
    void rejectsWhatIsNotAnEvent() {
        assertThatThrownBy(() -> reader.read("not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read("{\"type\":\"Unknown\"}")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read("{\"eventId\":\"" + UUID.randomUUID() + "\"}"))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read("")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read("null")).isInstanceOf(InvalidEventException.class);
    }

    /** The project is pre-release: the 0.1 topics are not migrated, a version 1 event is just invalid. */
    @Test
    void rejectsTheFirstVersionOfTheContractWithItsAnswersInTheClear() {
        String v1 = "{\"type\":\"FeedbackSubmitted\",\"eventId\":\"" + UUID.randomUUID() + "\",\"version\":1,"
                + "\"occurredAt\":\"2026-03-01T00:00:00Z\",\"cycleId\":\"c1\",\"subjectId\":\"lea\","
                + "\"templateId\":\"leadership-360\",\"relationship\":\"PEER\",\"ratings\":{\"t1\":4},\"comments\":{}}";
        String v1Cycle = "{\"type\":\"CycleClosed\",\"eventId\":\"" + UUID.randomUUID() + "\",\"version\":1,"
                + "\"occurredAt\":\"2026-03-01T00:00:00Z\",\"cycleId\":\"c1\",\"responded\":{\"lea\":{\"PEER\":3}}}";

        assertThatThrownBy(() -> reader.read(v1)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(v1Cycle)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void rejectsASubmissionWithoutSubjectCycleOrSealedAnswers() {
        for (FeedbackSubmitted bad : List.of(
                new FeedbackSubmitted(UUID.randomUUID(), 2, DAY, "c1", null, SEALED),
                new FeedbackSubmitted(UUID.randomUUID(), 2, DAY, " ", "lea", SEALED),
                new FeedbackSubmitted(UUID.randomUUID(), 2, DAY, "c1", "lea", null),
                new FeedbackSubmitted(UUID.randomUUID(), 2, DAY, "c1", "x".repeat(129), SEALED),
                new FeedbackSubmitted(null, 2, DAY, "c1", "lea", SEALED))) {
            assertThatThrownBy(() -> reader.read(json.writeValueAsString(bad)))
                    .as(bad.toString())
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void rejectsCycleEventsWhosePartsDoNotEachNameOneSubject() {
        var twice = new CycleClosed(UUID.randomUUID(), 2, DAY, "c1", List.of(part("lea"), part("lea")));
        var nameless = new ResultsReleased(UUID.randomUUID(), 2, DAY, "c1", List.of(part(" ")));
        var unsealed = new CycleClosed(UUID.randomUUID(), 2, DAY, "c1", List.of(new SealedSubject("lea", "")));
        var noParts = new CycleOpened(UUID.randomUUID(), 2, DAY, "c1", "Spring", 3, QUESTIONNAIRE, null);

        for (FeedbackEvent bad : List.of(twice, nameless, unsealed, noParts)) {
            assertThatThrownBy(() -> reader.read(json.writeValueAsString(bad)))
                    .as(bad.toString())
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void rejectsAQuestionnaireWithIdsUnusableAsFieldNames() {
        var dotted = new CycleOpened.Questionnaire(
                "t",
                "T",
                List.of(new CycleOpened.Competency("TRUST", "Trust", List.of(new CycleOpened.Item("a.b", "x", false)))),
                List.of());
        var dollar = new CycleOpened.Questionnaire(
                "t", "T", QUESTIONNAIRE.competencies(), List.of(new CycleOpened.OpenQuestion("$where", "x")));

        for (CycleOpened.Questionnaire bad : List.of(dotted, dollar)) {
            String event = json.writeValueAsString(
                    new CycleOpened(UUID.randomUUID(), 2, DAY, "c1", "S", 3, bad, List.of(part("lea"))));
            assertThatThrownBy(() -> reader.read(event)).isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void theReasonForRejectingAValueNeverQuotesWhatTheValueSaid() {
        String secret = "my manager shouts";
        for (String value : List.of(
                "{\"type\":\"FeedbackSubmitted\",\"comments\":\"" + secret + "\"}",
                "{\"type\":\"FeedbackSubmitted\",\"answers\":{\"text\":\"" + secret + "\"}}",
                "{\"type\":\"FeedbackSubmitted\",\"version\":\"" + secret + "\"}",
                "{\"type\":\"FeedbackSubmitted\",\"answers\":" + secret.replace(" ", "_") + "}",
                "{\"type\":\"" + secret + "\"}")) {
            assertThatThrownBy(() -> reader.read(value))
                    .isInstanceOf(InvalidEventException.class)
                    .satisfies(e -> {
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(t.getMessage()).doesNotContain("shouts");
                        }
                    });
        }
    }

    @Test
    void rejectsAnErasureWithoutAPersonOrOfAnUnknownVersion() {
        String noPerson =
                json.writeValueAsString(new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.now(), " "));
        String nullPerson =
                json.writeValueAsString(new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.now(), null));
        String version2 = json.writeValueAsString(new PersonErased(UUID.randomUUID(), 2, Instant.now(), "lea"));

        assertThatThrownBy(() -> reader.read(noPerson)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(nullPerson)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(version2)).isInstanceOf(InvalidEventException.class);
    }

    private static SealedSubject part(String subjectId) {
        return new SealedSubject(subjectId, SEALED);
    }
}

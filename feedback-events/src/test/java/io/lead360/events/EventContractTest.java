package io.lead360.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event, as the services serialize it, matches its published JSON Schema. */
class EventContractTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static FeedbackSubmitted submitted() {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        ratings.put("trust-1", 4);
        ratings.put("trust-3", null);
        return new FeedbackSubmitted(UUID.randomUUID(), FeedbackSubmitted.VERSION,
                Instant.now().truncatedTo(ChronoUnit.DAYS), "c1", "s1", "leadership-360", Relationship.PEER,
                ratings, Map.of("start", "Delegate more."));
    }

    static List<FeedbackEvent> samples() {
        CycleOpened.Questionnaire questionnaire = new CycleOpened.Questionnaire("leadership-360", "Leadership 360",
                List.of(new CycleOpened.Competency("TRUST", "Trust",
                        List.of(new CycleOpened.Item("trust-1", "Trusts me", false),
                                new CycleOpened.Item("trust-3", "Second-guesses", true)))),
                List.of(new CycleOpened.OpenQuestion("start", "Start?")));
        return List.of(
                submitted(),
                new CycleOpened(UUID.randomUUID(), CycleOpened.VERSION, Instant.now(), "c1", "Spring", 3,
                        questionnaire, Map.of("s1", Map.of(Relationship.PEER, 4, Relationship.SELF, 1))),
                new CycleClosed(UUID.randomUUID(), CycleClosed.VERSION, Instant.now(), "c1",
                        Map.of("s1", Map.of(Relationship.PEER, 3))),
                new ResultsReleased(UUID.randomUUID(), ResultsReleased.VERSION, Instant.now(), "c1"),
                new ReminderDue(UUID.randomUUID(), ReminderDue.VERSION, Instant.now(), "c1", "r1",
                        Instant.parse("2026-12-01T17:00:00Z")),
                new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.now(), "p1"));
    }

    @Test
    void everyEventMatchesItsSchemaAndReadsBackEqual() {
        for (FeedbackEvent event : samples()) {
            String body = json.writeValueAsString(event);
            assertThat(validate(event.getClass().getSimpleName(), body)).as(body).isEmpty();
            assertThat(json.readValue(body, FeedbackEvent.class)).isEqualTo(event);
        }
    }

    @Test
    void aSubmissionCarryingARaterIdentityBreaksTheContract() {
        String body = json.writeValueAsString(submitted());
        String withRater = body.replaceFirst("\\{", "{\"raterId\":\"p-42\",");
        assertThat(validate("FeedbackSubmitted", withRater))
                .anySatisfy(m -> assertThat(m.getMessage()).contains("raterId"));
    }

    @Test
    void aSubmissionTimeFinerThanTheDayBreaksTheContract() {
        FeedbackSubmitted exact = submitted();
        FeedbackSubmitted timed = new FeedbackSubmitted(exact.eventId(), exact.version(),
                Instant.parse("2026-03-04T10:15:30Z"), exact.cycleId(), exact.subjectId(), exact.templateId(),
                exact.relationship(), exact.ratings(), exact.comments());
        assertThat(validate("FeedbackSubmitted", json.writeValueAsString(timed))).isNotEmpty();
    }

    @Test
    void scoresOutsideTheScaleBreakTheContract() {
        String body = json.writeValueAsString(submitted()).replace("\"trust-1\":4", "\"trust-1\":9");
        assertThat(validate("FeedbackSubmitted", body)).isNotEmpty();
    }

    @Test
    void everyEventTypeHasASchema() {
        for (Class<?> type : FeedbackEvent.class.getPermittedSubclasses()) {
            assertThat(getClass().getResource("/schemas/" + type.getSimpleName() + ".v1.json"))
                    .as(type.getSimpleName()).isNotNull();
        }
    }

    private Set<ValidationMessage> validate(String type, String body) {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + type + ".v1.json")) {
            JsonSchema schema = schemas.getSchema(in);
            return schema.validate(body, InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

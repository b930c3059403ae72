package io.lead360.analytics.ingest;

import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.Relationship;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReaderTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventReader reader = new EventReader(json);

    @Test
    void readsAValidSubmission() {
        var event = submission(Map.of("t1", 4), Map.of("start", "listen more"));

        FeedbackEvent read = reader.read(json.writeValueAsString(event));

        assertThat(read).isEqualTo(event);
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

    @Test
    void rejectsASubmissionWithMissingFields() {
        String missingSubject = json.writeValueAsString(new FeedbackSubmitted(UUID.randomUUID(), 1, Instant.now(),
                "c1", null, "leadership-360", Relationship.PEER, Map.of(), Map.of()));

        assertThatThrownBy(() -> reader.read(missingSubject)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void rejectsScoresOutOfRangeAndUnsafeItemIds() {
        assertThatThrownBy(() -> reader.read(json.writeValueAsString(submission(Map.of("t1", 6), Map.of()))))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(json.writeValueAsString(submission(Map.of("a.b", 3), Map.of()))))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(json.writeValueAsString(submission(Map.of("$x", 3), Map.of()))))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void acceptsCantSayRatings() {
        var ratings = new HashMap<String, Integer>();
        ratings.put("t1", null);

        assertThat(reader.read(json.writeValueAsString(submission(ratings, Map.of())))).isNotNull();
    }

    @Test
    void theReasonForRejectingAValueNeverQuotesWhatTheValueSaid() {
        String secret = "my manager shouts";
        for (String value : List.of(
                "{\"type\":\"FeedbackSubmitted\",\"comments\":\"" + secret + "\"}",
                "{\"type\":\"FeedbackSubmitted\",\"relationship\":\"" + secret + "\"}",
                "{\"type\":\"FeedbackSubmitted\",\"ratings\":" + secret.replace(" ", "_") + "}",
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
    void readsAnErasure() {
        var event = new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.parse("2026-03-01T10:00:00Z"), "lea");

        assertThat(reader.read(json.writeValueAsString(event))).isEqualTo(event);
    }

    @Test
    void rejectsAnErasureWithoutAPersonOrOfAnUnknownVersion() {
        String noPerson = json.writeValueAsString(new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.now(), " "));
        String nullPerson = json.writeValueAsString(new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.now(), null));
        String version2 = json.writeValueAsString(new PersonErased(UUID.randomUUID(), 2, Instant.now(), "lea"));

        assertThatThrownBy(() -> reader.read(noPerson)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(nullPerson)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(version2)).isInstanceOf(InvalidEventException.class);
    }

    private static FeedbackSubmitted submission(Map<String, Integer> ratings, Map<String, String> comments) {
        return new FeedbackSubmitted(UUID.randomUUID(), FeedbackSubmitted.VERSION, Instant.parse("2026-03-01T00:00:00Z"),
                "c1", "lea", "leadership-360", Relationship.PEER, ratings, comments);
    }
}

package io.lead360.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every event, and every sealed part once opened, as the services serialize it, matches its published JSON Schema. */
class EventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] KEY = SubjectSeal.newKey();
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static FeedbackSubmitted.Answers answers() {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        ratings.put("trust-1", 4);
        ratings.put("trust-3", null);
        return new FeedbackSubmitted.Answers(
                Relationship.PEER, "leadership-360", ratings, Map.of("start", "Delegate more."));
    }

    static FeedbackSubmitted submitted(FeedbackSubmitted.Answers answers) {
        UUID id = UUID.randomUUID();
        String sealed = SubjectSeal.seal(
                KEY, SubjectSeal.context("FeedbackSubmitted", id, "c1", "s1"), JSON.writeValueAsBytes(answers));
        return new FeedbackSubmitted(
                id, FeedbackSubmitted.VERSION, Instant.now().truncatedTo(ChronoUnit.DAYS), "c1", "s1", sealed);
    }

    static CycleOpened.Questionnaire questionnaire() {
        return new CycleOpened.Questionnaire(
                "leadership-360",
                "Leadership 360",
                List.of(new CycleOpened.Competency(
                        "TRUST",
                        "Trust",
                        List.of(
                                new CycleOpened.Item("trust-1", "Trusts me", false),
                                new CycleOpened.Item("trust-3", "Second-guesses", true)))),
                List.of(new CycleOpened.OpenQuestion("start", "Start?")));
    }

    static List<FeedbackEvent> samples() {
        UUID opened = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        UUID released = UUID.randomUUID();
        var invitations = new CycleOpened.Invitations(
                Map.of(Relationship.PEER, 4, Relationship.SELF, 1),
                Map.of(Relationship.PEER, 1),
                3,
                questionnaire().fingerprint());
        var tally = new CycleClosed.Tally(Map.of(Relationship.PEER, 3), Map.of(Relationship.PEER, 3));
        return List.of(
                submitted(answers()),
                new CycleOpened(
                        opened,
                        CycleOpened.VERSION,
                        Instant.now(),
                        "c1",
                        "Spring",
                        3,
                        questionnaire(),
                        List.of(sealed("CycleOpened", opened, "s1", invitations))),
                new CycleClosed(
                        closed,
                        CycleClosed.VERSION,
                        Instant.now(),
                        "c1",
                        List.of(sealed("CycleClosed", closed, "s1", tally))),
                new ResultsReleased(
                        released,
                        ResultsReleased.VERSION,
                        Instant.now(),
                        "c1",
                        List.of(sealed("ResultsReleased", released, "s1", new ResultsReleased.Release("c1")))),
                new PersonErased(UUID.randomUUID(), PersonErased.VERSION, Instant.now(), "p1"));
    }

    private static SealedSubject sealed(String type, UUID eventId, String subjectId, Object content) {
        return new SealedSubject(
                subjectId,
                SubjectSeal.seal(
                        KEY, SubjectSeal.context(type, eventId, "c1", subjectId), JSON.writeValueAsBytes(content)));
    }

    @Test
    void everyEventMatchesItsSchemaAndReadsBackEqual() {
        for (FeedbackEvent event : samples()) {
            String body = JSON.writeValueAsString(event);
            assertThat(validate(event.getClass().getSimpleName() + ".v" + event.version(), body))
                    .as(body)
                    .isEmpty();
            assertThat(JSON.readValue(body, FeedbackEvent.class)).isEqualTo(event);
        }
    }

    @Test
    void everySealedPartOpensWithTheSubjectKeyAndMatchesItsSchema() {
        for (FeedbackEvent event : samples()) {
            if (event instanceof FeedbackSubmitted s) {
                assertOpens(s.sealContext(), s.answers(), "FeedbackSubmitted.Answers");
            } else if (event instanceof CycleOpened o) {
                o.subjects()
                        .forEach(p -> assertOpens(o.sealContext(p.subjectId()), p.sealed(), "CycleOpened.Invitations"));
            } else if (event instanceof CycleClosed c) {
                c.subjects().forEach(p -> assertOpens(c.sealContext(p.subjectId()), p.sealed(), "CycleClosed.Tally"));
            } else if (event instanceof ResultsReleased r) {
                r.subjects()
                        .forEach(p -> assertOpens(r.sealContext(p.subjectId()), p.sealed(), "ResultsReleased.Release"));
            }
        }
    }

    private void assertOpens(String context, String sealed, String schema) {
        String content = new String(SubjectSeal.open(KEY, context, sealed), StandardCharsets.UTF_8);
        assertThat(validate("sealed/" + schema + ".v2", content)).as(content).isEmpty();
    }

    @Test
    void answersCarryingARaterIdentityBreakTheContract() {
        String body = JSON.writeValueAsString(answers());
        String withRater = body.replaceFirst("\\{", "{\"raterId\":\"p-42\",");
        assertThat(validate("sealed/FeedbackSubmitted.Answers.v2", withRater))
                .anySatisfy(m -> assertThat(m.getMessage()).contains("raterId"));
        String envelope = JSON.writeValueAsString(submitted(answers())).replaceFirst("\\{", "{\"raterId\":\"p-42\",");
        assertThat(validate("FeedbackSubmitted.v2", envelope)).isNotEmpty();
    }

    @Test
    void aSubmissionTimeFinerThanTheDayBreaksTheContract() {
        FeedbackSubmitted exact = submitted(answers());
        FeedbackSubmitted timed = new FeedbackSubmitted(
                exact.eventId(),
                exact.version(),
                Instant.parse("2026-03-04T10:15:30Z"),
                exact.cycleId(),
                exact.subjectId(),
                exact.answers());
        assertThat(validate("FeedbackSubmitted.v2", JSON.writeValueAsString(timed)))
                .isNotEmpty();
    }

    @Test
    void scoresOutsideTheScaleBreakTheContract() {
        String body = JSON.writeValueAsString(answers()).replace("\"trust-1\":4", "\"trust-1\":9");
        assertThat(validate("sealed/FeedbackSubmitted.Answers.v2", body)).isNotEmpty();
    }

    @Test
    void anEventCarryingAnswersInTheClearBreaksTheContract() {
        String body = JSON.writeValueAsString(submitted(answers()))
                .replaceFirst("\\{", "{\"comments\":{\"start\":\"in the clear\"},");
        assertThat(validate("FeedbackSubmitted.v2", body)).isNotEmpty();
    }

    @Test
    void everyEventTypeHasASchemaForItsVersion() {
        for (FeedbackEvent event : samples()) {
            assertThat(getClass()
                            .getResource(
                                    "/schemas/" + event.getClass().getSimpleName() + ".v" + event.version() + ".json"))
                    .as(event.getClass().getSimpleName())
                    .isNotNull();
        }
        assertThat(samples()).extracting(e -> (Object) e.getClass()).containsExactlyInAnyOrder((Object[])
                FeedbackEvent.class.getPermittedSubclasses());
    }

    @Test
    void theQuestionnaireFingerprintChangesWithEveryTextAndFlag() {
        String original = questionnaire().fingerprint();
        assertThat(original).matches("[0-9a-f]{64}").isEqualTo(questionnaire().fingerprint());
        var q = questionnaire();
        var reverseFlipped = new CycleOpened.Questionnaire(
                q.templateId(),
                q.name(),
                List.of(new CycleOpened.Competency(
                        "TRUST",
                        "Trust",
                        List.of(
                                new CycleOpened.Item("trust-1", "Trusts me", true),
                                new CycleOpened.Item("trust-3", "Second-guesses", true)))),
                q.openQuestions());
        var textChanged = new CycleOpened.Questionnaire(
                q.templateId(), q.name(), q.competencies(), List.of(new CycleOpened.OpenQuestion("start", "Start!")));
        // the same characters split differently between two fields
        var shifted = new CycleOpened.Questionnaire(
                q.templateId() + "L", "eadership 360", q.competencies(), q.openQuestions());
        assertThat(Set.of(original, reverseFlipped.fingerprint(), textChanged.fingerprint(), shifted.fingerprint()))
                .hasSize(4);
    }

    @Test
    void theSchemaOfTheSealedAnswersTakesItsScaleFromRatingScale() throws java.io.IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/sealed/FeedbackSubmitted.Answers.v2.json")) {
            var rating = JSON.readTree(in).path("properties").path("ratings").path("additionalProperties");
            assertThat(rating.path("minimum").asInt()).isEqualTo(RatingScale.LOWEST);
            assertThat(rating.path("maximum").asInt()).isEqualTo(RatingScale.HIGHEST);
        }
    }

    @Test
    void theRatingScaleReversesOntoItself() {
        for (int score = RatingScale.LOWEST; score <= RatingScale.HIGHEST; score++) {
            assertThat(RatingScale.contains(RatingScale.reversed(score))).isTrue();
            assertThat(RatingScale.reversed(RatingScale.reversed(score))).isEqualTo(score);
        }
        assertThat(RatingScale.reversed(RatingScale.LOWEST)).isEqualTo(RatingScale.HIGHEST);
        assertThat(RatingScale.contains(RatingScale.LOWEST - 1)).isFalse();
        assertThat(RatingScale.contains(RatingScale.HIGHEST + 1)).isFalse();
        assertThat(RatingScale.POINTS).isEqualTo(5);
    }

    private Set<ValidationMessage> validate(String schemaName, String body) {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + schemaName + ".json")) {
            assertThat(in).as(schemaName).isNotNull();
            JsonSchema schema = schemas.getSchema(in);
            return schema.validate(body, InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

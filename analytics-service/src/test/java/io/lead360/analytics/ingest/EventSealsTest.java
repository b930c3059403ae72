package io.lead360.analytics.ingest;

import static io.lead360.events.Relationship.DIRECT_REPORT;
import static io.lead360.events.Relationship.PEER;
import static io.lead360.events.Relationship.SELF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleChange;
import io.lead360.analytics.keys.SubjectKeysUnavailableException;
import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.Relationship;
import io.lead360.events.ResultsReleased;
import io.lead360.events.SealedSubject;
import io.lead360.events.SubjectSeal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What a sealed part must be to be applied: opened with its subject's key, in its place, within the contract. */
class EventSealsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    private final EventSeals seals = new EventSeals(JSON);
    private final Map<String, byte[]> keys =
            new HashMap<>(Map.of("lea", SubjectSeal.newKey(), "max", SubjectSeal.newKey()));
    private final Set<String> erased = Set.of("zoe");
    private final EventSeals.KeyRing ring = subjectId -> {
        if (erased.contains(subjectId)) {
            return null;
        }
        byte[] key = keys.get(subjectId);
        if (key == null) {
            throw new InvalidEventException("a subject of the event is unknown to feedback-service");
        }
        return key;
    };

    @Test
    void aSubmissionOpensWithItsSubjectsKey() {
        var answers = answers(Map.of("t1", 4), Map.of("start", "listen more"));
        FeedbackSubmitted event = submission("c1", "lea", answers);

        OpenedEvent opened = seals.open(event, ring);

        assertThat(opened).isEqualTo(new OpenedEvent.Submission(event, answers));
    }

    @Test
    void aSubmissionSealedWithAnotherKeyOrMovedElsewhereIsInvalid() {
        FeedbackSubmitted genuine = submission("c1", "lea", answers(Map.of("t1", 4), Map.of()));
        var forged = new FeedbackSubmitted(
                UUID.randomUUID(),
                2,
                DAY,
                "c1",
                "lea",
                SubjectSeal.seal(
                        SubjectSeal.newKey(),
                        SubjectSeal.context("FeedbackSubmitted", UUID.randomUUID(), "c1", "lea"),
                        JSON.writeValueAsBytes(answers(Map.of("t1", 1), Map.of()))));
        List<FeedbackSubmitted> elsewhere = List.of(
                forged,
                new FeedbackSubmitted(UUID.randomUUID(), 2, DAY, "c1", "lea", genuine.answers()),
                new FeedbackSubmitted(genuine.eventId(), 2, DAY, "c2", "lea", genuine.answers()),
                new FeedbackSubmitted(genuine.eventId(), 2, DAY, "c1", "max", genuine.answers()),
                new FeedbackSubmitted(
                        genuine.eventId(),
                        2,
                        DAY,
                        "c1",
                        "lea",
                        "AAAA" + genuine.answers().substring(4)));

        for (FeedbackSubmitted event : elsewhere) {
            assertThatThrownBy(() -> seals.open(event, ring))
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("broken seal");
        }
    }

    @Test
    void aSubmissionAboutAnErasedSubjectIsSkippedUnread() {
        var event =
                new FeedbackSubmitted(UUID.randomUUID(), 2, DAY, "c1", "zoe", "whatever-was-sealed-cannot-be-opened");

        assertThat(seals.open(event, ring)).isEqualTo(new OpenedEvent.Skipped(event));
    }

    @Test
    void aSubjectFeedbackServiceDoesNotKnowMakesTheEventInvalid() {
        var event = new FeedbackSubmitted(UUID.randomUUID(), 2, DAY, "c1", "stranger", "sealed");

        assertThatThrownBy(() -> seals.open(event, ring)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void keysThatCannotBeFetchedAreNotTheEventsFault() {
        var unavailable = new SubjectKeysUnavailableException("feedback-service's key endpoint answered 503");
        FeedbackSubmitted event = submission("c1", "lea", answers(Map.of("t1", 4), Map.of()));

        assertThatThrownBy(() -> seals.open(event, subjectId -> {
                    throw unavailable;
                }))
                .isSameAs(unavailable);
    }

    @Test
    void openedAnswersAreHeldToTheContract() {
        var noRatings = new FeedbackSubmitted.Answers(PEER, "leadership-360", null, Map.of());
        var noRelationship = new FeedbackSubmitted.Answers(null, "leadership-360", Map.of("t1", 3), Map.of());
        for (FeedbackSubmitted.Answers bad : List.of(
                answers(Map.of("t1", 6), Map.of()),
                answers(Map.of("t1", 0), Map.of()),
                answers(Map.of("a.b", 3), Map.of()),
                answers(Map.of("$x", 3), Map.of()),
                answers(Map.of("t1", 3), Map.of("$where", "x")),
                noRatings,
                noRelationship)) {
            assertThatThrownBy(() -> seals.open(submission("c1", "lea", bad), ring))
                    .as(bad.toString())
                    .isInstanceOf(InvalidEventException.class);
        }
        var cantSay = new HashMap<String, Integer>();
        cantSay.put("t1", null);
        assertThat(seals.open(submission("c1", "lea", answers(cantSay, Map.of())), ring))
                .isInstanceOf(OpenedEvent.Submission.class);
    }

    @Test
    void theReasonForRefusingWhatWasSealedNeverQuotesIt() {
        String secret = "my manager shouts";
        for (String sealed : List.of(
                "{\"relationship\":\"" + secret + "\",\"ratings\":{}}",
                "{\"relationship\":\"PEER\",\"ratings\":{\"t1\":\"" + secret + "\"}}",
                secret)) {
            UUID eventId = UUID.randomUUID();
            var event = new FeedbackSubmitted(
                    eventId,
                    2,
                    DAY,
                    "c1",
                    "lea",
                    SubjectSeal.seal(
                            keys.get("lea"),
                            SubjectSeal.context("FeedbackSubmitted", eventId, "c1", "lea"),
                            sealed.getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> seals.open(event, ring))
                    .isInstanceOf(InvalidEventException.class)
                    .satisfies(e -> {
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(t.getMessage()).doesNotContain("shouts");
                        }
                    });
        }
    }

    @Test
    void aCycleOpensWithTheInvitationsOfEverySubjectButTheErasedOnes() {
        CycleOpened event = opened(
                3,
                QUESTIONNAIRE,
                Map.of(
                        "lea", invitations(Map.of(SELF, 1, PEER, 4), Map.of(PEER, 2), 3, QUESTIONNAIRE),
                        "max", invitations(Map.of(DIRECT_REPORT, 3), Map.of(), 3, QUESTIONNAIRE),
                        "zoe", invitations(Map.of(SELF, 1), Map.of(), 3, QUESTIONNAIRE)));

        OpenedEvent opened = seals.open(event, ring);

        assertThat(opened)
                .isEqualTo(new OpenedEvent.OfCycle(new CycleChange.Opened(
                        event,
                        Map.of(
                                "lea", new Cycle.Invitations(Map.of(SELF, 1, PEER, 4), Map.of(PEER, 2)),
                                "max", new Cycle.Invitations(Map.of(DIRECT_REPORT, 3), Map.of())))));
    }

    @Test
    void aCycleWhoseReadableThresholdOrQuestionnaireIsNotTheSealedOneIsInvalid() {
        CycleOpened genuine =
                opened(3, QUESTIONNAIRE, Map.of("lea", invitations(Map.of(PEER, 4), Map.of(), 3, QUESTIONNAIRE)));
        var otherWording = new CycleOpened.Questionnaire(
                "leadership-360",
                "Leadership 360",
                List.of(new CycleOpened.Competency(
                        "TRUST", "Trust", List.of(new CycleOpened.Item("t1", "Trusts me (reworded)", false)))),
                List.of());

        var thresholdChanged =
                new CycleOpened(genuine.eventId(), 2, DAY, "c1", "Spring", 7, QUESTIONNAIRE, genuine.subjects());
        var questionnaireSwapped =
                new CycleOpened(genuine.eventId(), 2, DAY, "c1", "Spring", 3, otherWording, genuine.subjects());

        assertThatThrownBy(() -> seals.open(thresholdChanged, ring))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> seals.open(questionnaireSwapped, ring))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("questionnaire");
        assertThat(seals.open(genuine, ring)).isInstanceOf(OpenedEvent.OfCycle.class);
    }

    @Test
    void aCycleEventWithoutAnyPartThatOpensVouchesForNothing() {
        CycleOpened none = opened(3, QUESTIONNAIRE, Map.of());
        CycleOpened onlyErased =
                opened(3, QUESTIONNAIRE, Map.of("zoe", invitations(Map.of(SELF, 1), Map.of(), 3, QUESTIONNAIRE)));
        var closedEmpty = new CycleClosed(UUID.randomUUID(), 2, DAY, "c1", List.of());
        var releasedEmpty = new ResultsReleased(UUID.randomUUID(), 2, DAY, "c1", List.of());

        assertThatThrownBy(() -> seals.open(none, ring)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> seals.open(onlyErased, ring)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> seals.open(closedEmpty, ring)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> seals.open(releasedEmpty, ring)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void invitationCountsMustBeCounts() {
        for (CycleOpened.Invitations bad : List.of(
                invitations(Map.of(PEER, -1), Map.of(), 3, QUESTIONNAIRE),
                invitations(Map.of(PEER, 2), Map.of(PEER, 3), 3, QUESTIONNAIRE),
                invitations(Map.of(), Map.of(OTHER_GROUP, 1), 3, QUESTIONNAIRE),
                new CycleOpened.Invitations(null, Map.of(), 3, QUESTIONNAIRE.fingerprint()))) {
            assertThatThrownBy(() -> seals.open(opened(3, QUESTIONNAIRE, Map.of("lea", bad)), ring))
                    .as(bad.toString())
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void aCloseTalliesWhatWasCountedAndPublished() {
        var tally = new CycleClosed.Tally(
                Map.of(SELF, 1, PEER, 2, DIRECT_REPORT, 3), Map.of(SELF, 1, PEER, 0, DIRECT_REPORT, 3));
        CycleClosed event = closed(Map.of("lea", tally, "zoe", tally));

        assertThat(seals.open(event, ring))
                .isEqualTo(new OpenedEvent.OfCycle(new CycleChange.Closed(
                        event, Map.of("lea", new Cycle.Tally(tally.responded(), tally.published())))));
    }

    @Test
    void aCloseThatPublishesMoreThanItCountedIsInvalid() {
        var tally = new CycleClosed.Tally(Map.of(PEER, 2), Map.of(PEER, 3));

        assertThatThrownBy(() -> seals.open(closed(Map.of("lea", tally)), ring))
                .isInstanceOf(InvalidEventException.class);
        var notCounted = new CycleClosed.Tally(Map.of(), Map.of(SELF, 1));
        assertThatThrownBy(() -> seals.open(closed(Map.of("lea", notCounted)), ring))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aReleaseOpensOnlyWhenEveryPartOpensAndNamesTheCycle() {
        UUID eventId = UUID.randomUUID();
        SealedSubject lea = part("ResultsReleased", eventId, "c1", "lea", new ResultsReleased.Release("c1"));
        SealedSubject max = part("ResultsReleased", eventId, "c1", "max", new ResultsReleased.Release("c1"));
        SealedSubject zoe = new SealedSubject("zoe", "erased: cannot be opened any more");
        SealedSubject forgedMax = new SealedSubject(
                "max",
                SubjectSeal.seal(
                        SubjectSeal.newKey(),
                        SubjectSeal.context("ResultsReleased", eventId, "c1", "max"),
                        JSON.writeValueAsBytes(new ResultsReleased.Release("c1"))));
        SealedSubject otherCycle = part("ResultsReleased", eventId, "c1", "max", new ResultsReleased.Release("c2"));

        var genuine = new ResultsReleased(eventId, 2, DAY, "c1", List.of(lea, max, zoe));
        assertThat(seals.open(genuine, ring)).isEqualTo(new OpenedEvent.OfCycle(new CycleChange.Released(genuine)));
        for (SealedSubject bad : List.of(forgedMax, otherCycle)) {
            var release = new ResultsReleased(eventId, 2, DAY, "c1", List.of(lea, bad));
            assertThatThrownBy(() -> seals.open(release, ring)).isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void anErasureNeedsNoKey() {
        var erasure = new PersonErased(UUID.randomUUID(), 1, DAY, "lea");

        assertThat(seals.open(erasure, subjectId -> {
                    throw new AssertionError("no key is needed");
                }))
                .isEqualTo(new OpenedEvent.Erasure(erasure));
    }

    private static final Relationship OTHER_GROUP = Relationship.OTHER;

    private static final CycleOpened.Questionnaire QUESTIONNAIRE = new CycleOpened.Questionnaire(
            "leadership-360",
            "Leadership 360",
            List.of(new CycleOpened.Competency(
                    "TRUST", "Trust", List.of(new CycleOpened.Item("t1", "Trusts me", false)))),
            List.of(new CycleOpened.OpenQuestion("start", "Start?")));

    private static FeedbackSubmitted.Answers answers(Map<String, Integer> ratings, Map<String, String> comments) {
        return new FeedbackSubmitted.Answers(PEER, "leadership-360", ratings, comments);
    }

    private FeedbackSubmitted submission(String cycleId, String subjectId, FeedbackSubmitted.Answers answers) {
        UUID eventId = UUID.randomUUID();
        return new FeedbackSubmitted(
                eventId,
                2,
                DAY,
                cycleId,
                subjectId,
                SubjectSeal.seal(
                        keys.get(subjectId),
                        SubjectSeal.context("FeedbackSubmitted", eventId, cycleId, subjectId),
                        JSON.writeValueAsBytes(answers)));
    }

    private static CycleOpened.Invitations invitations(
            Map<Relationship, Integer> invited,
            Map<Relationship, Integer> nominated,
            int threshold,
            CycleOpened.Questionnaire questionnaire) {
        return new CycleOpened.Invitations(invited, nominated, threshold, questionnaire.fingerprint());
    }

    private CycleOpened opened(
            int threshold, CycleOpened.Questionnaire questionnaire, Map<String, CycleOpened.Invitations> bySubject) {
        UUID eventId = UUID.randomUUID();
        var parts = bySubject.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> part("CycleOpened", eventId, "c1", e.getKey(), e.getValue()))
                .toList();
        return new CycleOpened(eventId, 2, DAY, "c1", "Spring", threshold, questionnaire, parts);
    }

    private CycleClosed closed(Map<String, CycleClosed.Tally> bySubject) {
        UUID eventId = UUID.randomUUID();
        var parts = bySubject.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> part("CycleClosed", eventId, "c1", e.getKey(), e.getValue()))
                .toList();
        return new CycleClosed(eventId, 2, DAY, "c1", parts);
    }

    /** An erased subject's part is whatever it was; nobody can open it. */
    private SealedSubject part(String type, UUID eventId, String cycleId, String subjectId, Object content) {
        byte[] key = keys.getOrDefault(subjectId, SubjectSeal.newKey());
        return new SealedSubject(
                subjectId,
                SubjectSeal.seal(
                        key, SubjectSeal.context(type, eventId, cycleId, subjectId), JSON.writeValueAsBytes(content)));
    }
}

package io.lead360.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleChange;
import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.Relationship;
import io.lead360.events.ResultsReleased;
import io.lead360.events.SealedSubject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventBatchTest {

    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void anErasureRemovesTheSubmissionsAboutThePersonBeforeAndAfterItInTheBatch() {
        OpenedEvent.Submission before = submission("lea");
        OpenedEvent.Submission other = submission("max");
        OpenedEvent erasure = erased("lea");
        OpenedEvent.Submission after = submission("lea");
        var batch = new EventBatch(List.of(before, other, erasure, after));

        assertThat(batch.erasures()).extracting(EventBatch.At::index).containsExactly(2);
        assertThat(batch.submissionsWithout(Set.of("lea")))
                .extracting(EventBatch.At::event)
                .containsExactly(other);
        assertThat(batch.submissionsWithout(Set.of("lea")))
                .extracting(EventBatch.At::index)
                .containsExactly(1);
        assertThat(batch.submissionsWithout(Set.of()))
                .extracting(EventBatch.At::event)
                .containsExactly(before, other, after);
    }

    /** A subject whose part could not be opened (erased) is mentioned too: the batch checks them for erasure. */
    @Test
    void knowsEverySubjectTheBatchNamesAndWhereEachIsFirstMentioned() {
        var openedEvent = new CycleOpened(
                UUID.randomUUID(),
                CycleOpened.VERSION,
                DAY,
                "c1",
                "Cycle",
                3,
                new CycleOpened.Questionnaire("t", "T", List.of(), List.of()),
                List.of(new SealedSubject("ana", "s"), new SealedSubject("erased-one", "s")));
        var opened = new OpenedEvent.OfCycle(new CycleChange.Opened(
                openedEvent, Map.of("ana", new Cycle.Invitations(Map.of(Relationship.SELF, 1), Map.of()))));
        var closedEvent = new CycleClosed(
                UUID.randomUUID(), CycleClosed.VERSION, DAY, "c1", List.of(new SealedSubject("bo", "s")));
        var closed = new OpenedEvent.OfCycle(new CycleChange.Closed(
                closedEvent,
                Map.of("bo", new Cycle.Tally(Map.of(Relationship.SELF, 1), Map.of(Relationship.SELF, 1)))));
        var releasedEvent = new ResultsReleased(
                UUID.randomUUID(), ResultsReleased.VERSION, DAY, "c1", List.of(new SealedSubject("cy", "s")));
        var released = new OpenedEvent.OfCycle(new CycleChange.Released(releasedEvent));
        var skipped = new OpenedEvent.Skipped(new FeedbackSubmitted(UUID.randomUUID(), 2, DAY, "c1", "dan", "s"));
        List<OpenedEvent> events =
                List.of(submission("lea"), opened, closed, released, erased("zoe"), submission("ana"), skipped);
        var batch = new EventBatch(events);

        assertThat(batch.subjects()).containsExactlyInAnyOrder("lea", "ana", "erased-one", "bo", "cy", "zoe", "dan");
        assertThat(batch.firstMentionOf("lea")).isZero();
        assertThat(batch.firstMentionOf("ana")).isEqualTo(1);
        assertThat(batch.firstMentionOf("erased-one")).isEqualTo(1);
        assertThat(batch.firstMentionOf("bo")).isEqualTo(2);
        assertThat(batch.firstMentionOf("zoe")).isEqualTo(4);
        assertThat(batch.firstMentionOf("dan")).isEqualTo(6);
        assertThat(batch.firstMentionOf("nobody")).isEqualTo(Integer.MAX_VALUE);
        assertThat(batch.cycleChanges()).extracting(EventBatch.At::index).containsExactly(1, 2, 3);
        assertThat(batch.submissionsWithout(Set.of()))
                .extracting(EventBatch.At::index)
                .containsExactly(0, 5);
    }

    private static OpenedEvent.Submission submission(String subjectId) {
        var answers = new FeedbackSubmitted.Answers(Relationship.PEER, "leadership-360", Map.of("t1", 3), Map.of());
        return new OpenedEvent.Submission(
                new FeedbackSubmitted(UUID.randomUUID(), FeedbackSubmitted.VERSION, DAY, "c1", subjectId, "sealed"),
                answers);
    }

    private static OpenedEvent erased(String personId) {
        return new OpenedEvent.Erasure(new PersonErased(UUID.randomUUID(), PersonErased.VERSION, DAY, personId));
    }
}

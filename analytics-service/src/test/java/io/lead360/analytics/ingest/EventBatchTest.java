package io.lead360.analytics.ingest;

import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.Relationship;
import io.lead360.events.ResultsReleased;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventBatchTest {

    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void anErasureRemovesTheSubmissionsAboutThePersonBeforeAndAfterItInTheBatch() {
        FeedbackSubmitted before = submission("lea");
        FeedbackSubmitted other = submission("max");
        PersonErased erasure = erased("lea");
        FeedbackSubmitted after = submission("lea");
        var batch = new EventBatch(List.of(before, other, erasure, after));

        assertThat(batch.erasures()).extracting(EventBatch.At::index).containsExactly(2);
        assertThat(batch.submissionsWithout(Set.of("lea")))
                .extracting(EventBatch.At::event).containsExactly(other);
        assertThat(batch.submissionsWithout(Set.of("lea")))
                .extracting(EventBatch.At::index).containsExactly(1);
        assertThat(batch.submissionsWithout(Set.of()))
                .extracting(EventBatch.At::event).containsExactly(before, other, after);
    }

    @Test
    void knowsEverySubjectTheBatchWritesAboutAndWhereEachIsFirstMentioned() {
        var opened = new CycleOpened(UUID.randomUUID(), CycleOpened.VERSION, DAY, "c1", "Cycle", 3,
                new CycleOpened.Questionnaire("t", "T", List.of(), List.of()),
                Map.of("ana", Map.of(Relationship.SELF, 1)));
        var closed = new CycleClosed(UUID.randomUUID(), CycleClosed.VERSION, DAY, "c1",
                Map.of("bo", Map.of(Relationship.SELF, 1)));
        var released = new ResultsReleased(UUID.randomUUID(), ResultsReleased.VERSION, DAY, "c1");
        List<FeedbackEvent> events = List.of(submission("lea"), opened, closed, released, erased("zoe"), submission("ana"));
        var batch = new EventBatch(events);

        assertThat(batch.subjects()).containsExactlyInAnyOrder("lea", "ana", "bo", "zoe");
        assertThat(batch.firstMentionOf("lea")).isZero();
        assertThat(batch.firstMentionOf("ana")).isEqualTo(1);
        assertThat(batch.firstMentionOf("bo")).isEqualTo(2);
        assertThat(batch.firstMentionOf("zoe")).isEqualTo(4);
        assertThat(batch.firstMentionOf("nobody")).isEqualTo(Integer.MAX_VALUE);
        assertThat(batch.cycleEvents()).extracting(EventBatch.At::index).containsExactly(1, 2, 3);
    }

    private static FeedbackSubmitted submission(String subjectId) {
        return new FeedbackSubmitted(UUID.randomUUID(), FeedbackSubmitted.VERSION, DAY, "c1", subjectId,
                "leadership-360", Relationship.PEER, Map.of("t1", 3), Map.of());
    }

    private static PersonErased erased(String personId) {
        return new PersonErased(UUID.randomUUID(), PersonErased.VERSION, DAY, personId);
    }
}

package io.lead360.feedback.cycle;

import io.lead360.feedback.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** A feedback cycle as stored, with the events of its transitions still to publish. */
@Document(Cycle.COLLECTION)
record Cycle(@Id String id, String name, String templateId, List<String> subjectIds, boolean allLeaders,
             int anonymityThreshold, CycleStatus status, Instant createdAt, Instant openedAt, Instant closedAt,
             Instant releasedAt, Instant closesAt, List<OutboxEntry> outbox) {

    static final String COLLECTION = "cycles";

    CycleView view() {
        return new CycleView(id, name, templateId, subjectIds, allLeaders, anonymityThreshold, status, createdAt,
                openedAt, closedAt, releasedAt, closesAt);
    }
}

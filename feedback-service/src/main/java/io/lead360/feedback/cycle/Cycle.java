package io.lead360.feedback.cycle;

import io.lead360.feedback.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A feedback cycle as stored, with the events of its transitions still to publish.
 *
 * @param remindersSent the reminder points before {@code closesAt} already handled (e.g. "PT24H"):
 *                      kept on the cycle, not per request, so that nothing records who was still
 *                      pending when
 * @param invitationsQueuedAt when its invitation mails were queued (once, after it opened)
 * @param resultsQueuedAt     when the subjects' "results are ready" mails were queued (once, after release)
 * @param remindedAt          the last "remind now" of an administrator
 */
@Document(Cycle.COLLECTION)
record Cycle(
        @Id String id,
        String name,
        String templateId,
        List<String> subjectIds,
        boolean allLeaders,
        int anonymityThreshold,
        CycleStatus status,
        Instant createdAt,
        Instant openedAt,
        Instant closedAt,
        Instant releasedAt,
        Instant closesAt,
        List<String> remindersSent,
        List<OutboxEntry> outbox,
        Instant invitationsQueuedAt,
        Instant resultsQueuedAt,
        Instant remindedAt) {

    static final String COLLECTION = "cycles";

    CycleView view() {
        return new CycleView(
                id,
                name,
                templateId,
                subjectIds,
                allLeaders,
                anonymityThreshold,
                status,
                createdAt,
                openedAt,
                closedAt,
                releasedAt,
                closesAt);
    }
}

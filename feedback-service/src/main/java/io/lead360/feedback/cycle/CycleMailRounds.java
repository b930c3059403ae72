package io.lead360.feedback.cycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.audit.AuditActions;
import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.service.audit.AuditLog;
import io.lead360.service.problem.ConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * When a cycle's mails go out: the invitations once it opened, the reminders before it closes (at the
 * configured points, and an administrator's "remind now"), the results-ready mails once released. Each
 * round queues its mails first (see {@link CycleMail}) and marks the cycle after, by a conditional update.
 */
@Service
public class CycleMailRounds {

    private final MongoTemplate mongo;
    private final CycleService cycles;
    private final CycleRequests requests;
    private final CycleMail mail;
    private final FeedbackProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    CycleMailRounds(
            MongoTemplate mongo,
            CycleService cycles,
            CycleRequests requests,
            CycleMail mail,
            FeedbackProperties properties,
            AuditLog audit,
            Clock clock) {
        this.mongo = mongo;
        this.cycles = cycles;
        this.requests = requests;
        this.mail = mail;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What "remind now" did: requests still pending (counts, never who) and reminder mails queued. */
    record Reminded(int reminded, int mailsQueued) {}

    /**
     * An administrator's "remind now" for an OPEN cycle: a reminder mail to every rater with something
     * still open who wants reminders. At most once per {@code lead360.mail.manual-reminder-interval} (409
     * before), so that nobody's inbox fills because of a double click.
     */
    Reminded remind(String id, String actorId) {
        Cycle cycle = cycles.load(id);
        if (cycle.status() != CycleStatus.OPEN) {
            throw new ConflictException("Only an OPEN cycle can be reminded; it is " + cycle.status());
        }
        Instant now = clock.instant();
        Instant earliest = now.minus(properties.mail().manualReminderInterval());
        Query allowed = Query.query(where("_id")
                .is(cycle.id())
                .and("status")
                .is(CycleStatus.OPEN)
                .orOperator(where("remindedAt").is(null), where("remindedAt").lte(earliest)));
        if (mongo.updateFirst(allowed, new Update().set("remindedAt", now), Cycle.class)
                        .getModifiedCount()
                == 0) {
            Cycle again = cycles.load(id);
            if (again.status() != CycleStatus.OPEN) {
                throw new ConflictException("Only an OPEN cycle can be reminded; it is " + again.status());
            }
            throw new ConflictException("Reminders for this cycle went out at " + again.remindedAt()
                    + "; the next \"remind now\" is possible from "
                    + again.remindedAt().plus(properties.mail().manualReminderInterval()));
        }
        int reminded = (int) requests.pendingCount(cycle.id());
        int queued = mail.queueReminders(cycle.id(), "manual|" + now);
        audit.record(
                actorId,
                AuditActions.REMINDERS_SENT,
                AuditActions.CYCLE,
                cycle.id(),
                Map.of("reminded", reminded, "mailsQueued", queued));
        return new Reminded(reminded, queued);
    }

    /**
     * Handles the reminder points before closesAt that have passed: points that had already passed when
     * the cycle opened are skipped (no "3 days left" on a 2-day cycle); when several passed since the
     * last round only the latest counts. The point's reminders are queued first (once per rater and
     * point, however often this runs), then the point is recorded on the cycle by one conditional update.
     *
     * @return how many reminder mails this call queued
     */
    public int remindDue() {
        Instant now = clock.instant();
        int queued = 0;
        Query open =
                Query.query(where("status").is(CycleStatus.OPEN).and("closesAt").gt(now));
        for (Cycle cycle : mongo.find(open, Cycle.class)) {
            List<Duration> passed = properties.reminders().beforeClose().stream()
                    .filter(p -> !cycle.closesAt().minus(p).isAfter(now))
                    .filter(p -> cycle.openedAt() == null
                            || !cycle.closesAt().minus(p).isBefore(cycle.openedAt()))
                    .sorted()
                    .toList();
            if (passed.isEmpty()) {
                continue;
            }
            String latest = passed.get(0).toString();
            if (cycle.remindersSent() != null && cycle.remindersSent().contains(latest)) {
                continue;
            }
            queued += mail.queueReminders(cycle.id(), latest);
            Query notYet = Query.query(where("_id")
                    .is(cycle.id())
                    .and("status")
                    .is(CycleStatus.OPEN)
                    .and("remindersSent")
                    .ne(latest));
            Update record = new Update()
                    .addToSet("remindersSent")
                    .each(passed.stream().map(Duration::toString).toArray());
            mongo.updateFirst(notYet, record, Cycle.class);
        }
        return queued;
    }

    /**
     * Queues the invitations of cycles that opened and the results-ready mails of cycles released (within
     * the time a mail may take at most), each once: the mails are queued first, the cycle is marked after,
     * so a crash in between queues nothing twice.
     *
     * @return how many mails this call queued
     */
    public int queueCycleMail() {
        int queued = 0;
        for (Cycle cycle : mongo.find(
                Query.query(where("status")
                        .is(CycleStatus.OPEN)
                        .and("invitationsQueuedAt")
                        .is(null)),
                Cycle.class)) {
            queued += mail.queueInvitations(cycle.id());
            mongo.updateFirst(
                    Query.query(where("_id").is(cycle.id())),
                    new Update().set("invitationsQueuedAt", clock.instant()),
                    Cycle.class);
        }
        Instant recent = clock.instant().minus(properties.mail().giveUpAfter());
        for (Cycle cycle : mongo.find(
                Query.query(where("status")
                        .is(CycleStatus.RELEASED)
                        .and("resultsQueuedAt")
                        .is(null)
                        .and("releasedAt")
                        .gt(recent)),
                Cycle.class)) {
            queued += mail.queueResultsReady(cycle);
            mongo.updateFirst(
                    Query.query(where("_id").is(cycle.id())),
                    new Update().set("resultsQueuedAt", clock.instant()),
                    Cycle.class);
        }
        return queued;
    }
}

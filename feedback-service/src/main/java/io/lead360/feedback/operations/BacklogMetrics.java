package io.lead360.feedback.operations;

import io.lead360.feedback.ballot.BallotBacklog;
import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.mail.Mailbox;
import io.lead360.feedback.outbox.OutboxBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The publishing backlog as gauges: cycle and erasure outbox entries waiting, the age of the oldest
 * (administrators' actions, written with their time), and the ballots' held answers and due ballots.
 * Every gauge reads one {@link Backlog}, read from MongoDB at most once per
 * {@code lead360.operations.backlog-refresh}. No gauge is tagged by cycle or subject: a count per
 * subject that grows at a moment would point at whoever was asked about that subject then.
 */
@Component
class BacklogMetrics {

    static final String OUTBOX_WAITING = "lead360.outbox.waiting";
    static final String OUTBOX_OLDEST_AGE = "lead360.outbox.oldest.age";
    static final String HELD_ANSWERS = "lead360.ballots.held.answers";
    static final String DUE_BALLOTS = "lead360.ballots.due";
    static final String MAIL_WAITING = "lead360.mail.waiting";

    /** The outboxes by collection, as the gauges' tag. */
    private static final List<String> OUTBOXES = List.of("cycles", "erasures");

    private static final Logger log = LoggerFactory.getLogger(BacklogMetrics.class);

    /** Held here: a gauge keeps only a weak reference to what it reads, and would read NaN once it is collected. */
    private final CachedValue<Backlog> backlog;

    private final CachedValue<Double> mailWaiting;

    BacklogMetrics(
            OutboxBacklog outboxes,
            BallotBacklog ballots,
            Mailbox mailbox,
            FeedbackProperties properties,
            Clock clock,
            MeterRegistry registry) {
        this.backlog = new CachedValue<>(
                () -> new Backlog(outboxes.waiting(), ballots.held(), clock.instant()),
                BacklogMetrics::unknown,
                properties.operations().backlogRefresh(),
                clock);
        for (String outbox : OUTBOXES) {
            Gauge.builder(OUTBOX_WAITING, backlog, b -> b.get().waiting(outbox))
                    .description("cycle and erasure events written with their change and not yet acknowledged by Kafka")
                    .tag("outbox", outbox)
                    .register(registry);
            Gauge.builder(OUTBOX_OLDEST_AGE, backlog, b -> b.get().oldestAgeSeconds(outbox))
                    .description("age of the oldest waiting cycle or erasure event (0: none waits)")
                    .baseUnit("seconds")
                    .tag("outbox", outbox)
                    .register(registry);
        }
        Gauge.builder(HELD_ANSWERS, backlog, b -> b.get().heldAnswers())
                .description("answers counted and held in the ballots, not yet published; held answers have no age "
                        + "by design: they carry no time, as no stored submission has a time finer than the day")
                .register(registry);
        Gauge.builder(DUE_BALLOTS, backlog, b -> b.get().dueBallots())
                .description("ballots the publisher looks at in its next round")
                .register(registry);
        this.mailWaiting = new CachedValue<>(
                () -> (double) mailbox.waiting(),
                unreadable -> Double.NaN,
                properties.operations().backlogRefresh(),
                clock);
        Gauge.builder(MAIL_WAITING, mailWaiting, CachedValue::get)
                .description("mails queued or being sent (a growing figure: the SMTP server refuses or is away)")
                .register(registry);
    }

    /** MongoDB unreachable (readiness says so too): the gauges say NaN until the next reading. */
    private static Backlog unknown(RuntimeException unreadable) {
        log.debug("The backlog could not be read: {}", unreadable.toString());
        return Backlog.UNKNOWN;
    }
}

package io.lead360.feedback.cycle;

import io.lead360.feedback.config.FeedbackProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The scheduled side of cycles: closing at closesAt, the reminders before it, queuing the invitations
 * and results-ready mails. Safe with several
 * instances running it at once, since every write it makes is conditional (see CycleService and CycleMailRounds).
 */
@Component
class CycleJobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CycleJobs.class);

    private final CycleService cycles;
    private final CycleMailRounds mailRounds;
    private final FeedbackProperties properties;

    CycleJobs(CycleService cycles, CycleMailRounds mailRounds, FeedbackProperties properties) {
        this.cycles = cycles;
        this.mailRounds = mailRounds;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                () -> run("auto-close", cycles::closeDue), properties.cycles().autoCloseInterval());
        registrar.addFixedDelayTask(
                () -> run("reminders", mailRounds::remindDue),
                properties.reminders().checkInterval());
        registrar.addFixedDelayTask(
                () -> run("cycle mail", mailRounds::queueCycleMail),
                properties.mail().sendInterval());
    }

    private static void run(String job, java.util.function.IntSupplier task) {
        try {
            int done = task.getAsInt();
            if (done > 0) {
                log.info("{}: {}", job, done);
            }
        } catch (RuntimeException e) {
            log.warn("{} round failed, retrying later: {}", job, e.toString());
        }
    }
}

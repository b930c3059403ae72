package io.lead360.feedback.mail;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.config.FeedbackProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends what waits in the outbox in rounds over one SMTP connection each, every message claimed first by
 * one conditional update (so two instances never send the same one), then marked sent and stripped of
 * its recipient. SMTP away or answering "try later" (4xx): the message waits with a growing pause, so
 * mail resumes at its own pace when the server is back, with no message sent twice. A permanent refusal
 * (5xx) is recorded as failed and never retried; a message still not sent after
 * {@code lead360.mail.give-up-after} fails too. Only a crash between the server's "accepted" and the
 * mark can make a message go out twice (after its claim expired); its Message-ID stays the same.
 */
@Component
class MailDelivery implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int PERMANENT = 500;
    private static final int MAX_ROUNDS_WITHOUT_PAUSE = 200;

    private final MongoTemplate mongo;
    private final JavaMailSenderImpl smtp;
    private final Map<MailKind, MailComposer> composers = new EnumMap<>(MailKind.class);
    private final FeedbackProperties.Mail settings;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();

    MailDelivery(
            MongoTemplate mongo,
            JavaMailSenderImpl smtp,
            List<MailComposer> composers,
            FeedbackProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.smtp = smtp;
        for (MailComposer composer : composers) {
            for (MailKind kind : composer.kinds()) {
                if (this.composers.put(kind, composer) != null) {
                    throw new IllegalStateException("Two composers write " + kind + " mail");
                }
            }
        }
        this.settings = properties.mail();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sendSafely, settings.sendInterval());
    }

    /** Rounds one after the other while they come back full (a cycle just opened), then a pause. */
    void sendSafely() {
        try {
            for (int round = 0; round < MAX_ROUNDS_WITHOUT_PAUSE && sendDue() >= settings.batchSize(); round++) {
                // more is waiting: go on
            }
        } catch (RuntimeException e) {
            log.warn("Mail round failed, retrying later: {}", e.toString());
        }
    }

    /**
     * One round: claims up to batch-size messages, writes them, and sends them over one SMTP connection.
     *
     * @return how many messages this round sent
     */
    int sendDue() {
        Map<MimeMessage, Mail> round = new LinkedHashMap<>();
        for (int i = 0; i < settings.batchSize(); i++) {
            Mail mail = claim();
            if (mail == null) {
                break;
            }
            MailComposer composer = composers.get(mail.kind());
            if (composer == null) {
                throw new IllegalStateException("Nobody writes " + mail.kind() + " mail");
            }
            MailComposer.Composition composition = composer.compose(mail.kind(), mail.cycleId(), mail.personId());
            if (composition instanceof MailComposer.Send send) {
                round.put(message(mail, send.to(), send.mail()), mail);
            } else {
                finish(mail, Mail.Status.CANCELLED, null);
            }
        }
        if (round.isEmpty()) {
            return 0;
        }
        Map<Object, Exception> failed = Map.of();
        try {
            smtp.send(round.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failed = e.getFailedMessages();
        } catch (MailException e) {
            // e.g. authentication refused: every message of the round failed the same way
            failed = new HashMap<>();
            for (MimeMessage message : round.keySet()) {
                failed.put(message, e);
            }
        }
        int sent = 0;
        boolean serverAway = false;
        for (Map.Entry<MimeMessage, Mail> entry : round.entrySet()) {
            Mail mail = entry.getValue();
            Exception failure = failed.get(entry.getKey());
            if (failure == null) {
                finish(mail, Mail.Status.SENT, null);
                sent++;
                continue;
            }
            int code = replyCode(failure);
            if (code >= PERMANENT) {
                log.warn("Mail {} refused for good ({}): not retried", mail.id(), code);
                finish(mail, Mail.Status.FAILED, "refused " + code);
            } else if (giveUp(mail)) {
                log.warn("Mail {} not sent after {}: given up", mail.id(), settings.giveUpAfter());
                finish(mail, Mail.Status.FAILED, "not deliverable in time");
            } else {
                serverAway = true;
                retryLater(mail, backOff(mail.attempts()));
            }
        }
        if (serverAway) {
            log.info(
                    "Mail server not taking mail; {} of {} messages wait to be retried",
                    round.size() - sent,
                    round.size());
        }
        return sent;
    }

    private Mail claim() {
        Instant now = clock.instant();
        Query due = Query.query(new Criteria()
                        .orOperator(
                                where("status")
                                        .is(Mail.Status.QUEUED)
                                        .and("nextAttemptAt")
                                        .lte(now),
                                where("status")
                                        .is(Mail.Status.SENDING)
                                        .and("claimedUntil")
                                        .lt(now)))
                .with(Sort.by("nextAttemptAt"));
        return mongo.findAndModify(
                due,
                new Update()
                        .set("status", Mail.Status.SENDING)
                        .set("claimedUntil", now.plus(settings.claimTtl()))
                        .set("claimedBy", instance)
                        .inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true),
                Mail.class);
    }

    private MimeMessage message(Mail mail, String to, RenderedMail rendered) {
        Session session = smtp.getSession();
        String messageId = mail.messageId(settings.messageIdDomain());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            for (var header : rendered.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
        } catch (MessagingException e) {
            throw new org.springframework.mail.MailPreparationException("cannot prepare mail " + mail.id(), e);
        }
        return message;
    }

    /** Sent, failed for good or cancelled: nothing about the recipient stays. */
    private void finish(Mail mail, Mail.Status status, String failure) {
        Update update = new Update()
                .set("status", status)
                .unset("personId")
                .unset("nextAttemptAt")
                .unset("claimedUntil")
                .unset("claimedBy");
        if (failure != null) {
            update.set("failure", failure);
        }
        mongo.updateFirst(
                Query.query(where("_id").is(mail.id()).and("claimedBy").is(instance)), update, Mail.class);
    }

    private void retryLater(Mail mail, Duration pause) {
        Update update = new Update()
                .set("status", Mail.Status.QUEUED)
                .set("nextAttemptAt", clock.instant().plus(pause))
                .unset("claimedUntil")
                .unset("claimedBy");
        mongo.updateFirst(
                Query.query(where("_id").is(mail.id()).and("claimedBy").is(instance)), update, Mail.class);
    }

    private boolean giveUp(Mail mail) {
        return mail.createdAt() != null
                && clock.instant().isAfter(mail.createdAt().plus(settings.giveUpAfter()));
    }

    /** first-retry doubled per failed attempt, capped at max-retry. */
    Duration backOff(int attempts) {
        Duration pause = settings.firstRetry();
        for (int i = 1; i < attempts && pause.compareTo(settings.maxRetry()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : pause;
    }

    /** The SMTP reply code the failure carries (e.g. 550 for an unknown mailbox), or 0 (no answer at all). */
    static int replyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
            if (t instanceof SendFailedException sendFailed
                    && sendFailed.getNextException() != null
                    && sendFailed.getNextException() != t) {
                int next = replyCode(sendFailed.getNextException());
                if (next > 0) {
                    return next;
                }
            }
            if (t instanceof MailSendException send) {
                for (Exception e : send.getFailedMessages().values()) {
                    int code = replyCode(e);
                    if (code > 0) {
                        return code;
                    }
                }
            }
        }
        return 0;
    }
}

package io.lead360.feedback.config;

import io.lead360.service.config.HttpLimits;
import io.lead360.service.config.MongoTimeouts;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every setting of feedback-service, with defaults; application.yml maps the LEAD360_* variables. */
@ConfigurationProperties("lead360")
public record FeedbackProperties(
        @DefaultValue("false") boolean production,
        @DefaultValue Auth auth,
        @DefaultValue Keys keys,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue Outbox outbox,
        @DefaultValue Kafka kafka,
        @DefaultValue People people,
        @DefaultValue Cycles cycles,
        @DefaultValue Reminders reminders,
        /* the MongoDB client's fail-fast timeouts and the body limits: service-support's, as in every service */
        @DefaultValue MongoTimeouts mongo,
        @DefaultValue HttpLimits http,
        @DefaultValue Operations operations,
        @DefaultValue Mail mail) {

    /**
     * @param sessionTtl     a sign-in session ends this long after it began, whatever happens
     * @param sessionIdleTtl a session ends this long after its last refresh (or its start)
     * @param ssoCodeTtl     how long a single sign-on code may be redeemed
     */
    public record Auth(
            @DefaultValue("http://127.0.0.1:8080/.well-known/jwks.json")
            String jwksUri,

            @DefaultValue("lead360") String issuer,
            @DefaultValue("lead360-api") String audience,
            @DefaultValue("12h") Duration sessionTtl,
            @DefaultValue("1h") Duration sessionIdleTtl,
            @DefaultValue("60s") Duration ssoCodeTtl) {}

    /**
     * @param dataKeyFile      feedback-service's own secret (base64 of 32 bytes): subject keys are stored
     *                         wrapped with it; created when missing, except in production mode
     * @param analyticsJwksUri where analytics-service publishes the public keys of its service tokens,
     *                         the only tokens that may fetch subject keys
     */
    public record Keys(
            @DefaultValue("./var/keys/feedback-data-key") java.nio.file.Path dataKeyFile,

            @DefaultValue("http://127.0.0.1:8082/.well-known/jwks.json")
            String analyticsJwksUri) {}

    /**
     * The first administrator, created on an empty database.
     *
     * @param password no default: a password in the repository would be everyone's; without one no
     *                 administrator is created ({@code ./lead360 up} generates one)
     */
    public record BootstrapAdmin(
            @DefaultValue("admin@lead360.local") String email, String password) {}

    /**
     * @param pollInterval pause between two publisher rounds (the outbox of cycles and erasures, and the ballots)
     * @param sendTimeout  how long a round waits for the broker's acks before it gives up
     * @param batchSize    documents looked at per collection and round
     */
    public record Outbox(
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("100") int batchSize) {}

    public record Kafka(
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor) {}

    /**
     * @param maxDeactivateShare         an import with {@code deactivateMissing} refuses (409) to deactivate
     *                                   more than this share of the active people unless forced
     * @param synchronousImportPasswords an import that sets more passwords than this (about 55 ms of bcrypt
     *                                   each, spread over the cores) is answered 202 and runs as a job, so no
     *                                   request waits for minutes; up to this many it answers 200 when done
     * @param importJobsKeptFor          how long an import job can be followed after it started (TTL index)
     * @param importJobHeartbeat         how often an instance writes the progress of the jobs it runs; a RUNNING
     *                                   job not written for {@code ImportJobs.MISSED_HEARTBEATS} of these is
     *                                   reported FAILED (its instance stopped)
     */
    public record People(
            @DefaultValue("0.4") double maxDeactivateShare,
            @DefaultValue("50") int synchronousImportPasswords,
            @DefaultValue("1d") Duration importJobsKeptFor,
            @DefaultValue("2s") Duration importJobHeartbeat) {}

    /**
     * @param maxOpenRequestsPerRater rater burden: PEER requests are only assigned while the rater has
     *                                fewer open (PENDING, in OPEN cycles) requests than this
     * @param autoCloseInterval       how often each instance looks for cycles past their closesAt
     */
    public record Cycles(
            @DefaultValue("12") int maxOpenRequestsPerRater,
            @DefaultValue("30s") Duration autoCloseInterval) {}

    /**
     * @param beforeClose   the points before a cycle's closesAt at which pending requests are reminded
     * @param checkInterval how often each instance looks for reminders that are due
     */
    public record Reminders(
            @DefaultValue({"P3D", "P1D"}) List<Duration> beforeClose,
            @DefaultValue("1m") Duration checkInterval) {}

    /**
     * Mail (the SMTP server itself is Spring Boot's {@code spring.mail.*}, from {@code LEAD360_SMTP_*}).
     *
     * @param from                   the sender ({@code LEAD360_MAIL_FROM})
     * @param publicUrl              the address people open lead360 at; every link in a mail starts with it
     *                               ({@code LEAD360_PUBLIC_URL})
     * @param defaultLanguage        for people whose language lead360 does not know (or has no texts in)
     * @param sendInterval           pause between two rounds of the sender
     * @param batchSize              messages sent per round at most
     * @param claimTtl               how long a sender may take over one message before another may take it over
     * @param firstRetry             pause after the first failed attempt, doubled after each further one
     * @param maxRetry               the longest pause between attempts
     * @param giveUpAfter            a message not sent by then fails for good
     * @param manualReminderInterval "remind now" at most this often per cycle
     * @param passwordLinkTtl        how long the link of a "forgot my password" mail works (single use)
     * @param invitationLinkTtl      how long the set-password link in an invitation works (single use)
     * @param passwordLinks          whether the invitation of someone without a password carries a set-password
     *                               link; off where everyone signs in with single sign-on
     * @param timeZone               the zone closing dates are written in
     * @param passwordResetInterval  a second reset mail for the same person within this time is not sent
     * @param messageIdDomain        the right side of every Message-ID
     */
    public record Mail(
            @DefaultValue("lead360 <no-reply@lead360.local>")
            String from,

            @DefaultValue("http://localhost:8080") String publicUrl,
            @DefaultValue("en") String defaultLanguage,
            @DefaultValue("1s") Duration sendInterval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("2m") Duration claimTtl,
            @DefaultValue("10s") Duration firstRetry,
            @DefaultValue("10m") Duration maxRetry,
            @DefaultValue("3d") Duration giveUpAfter,
            @DefaultValue("1h") Duration manualReminderInterval,
            @DefaultValue("24h") Duration passwordLinkTtl,
            @DefaultValue("7d") Duration invitationLinkTtl,
            @DefaultValue("true") boolean passwordLinks,
            @DefaultValue("UTC") java.time.ZoneId timeZone,
            @DefaultValue("5m") Duration passwordResetInterval,
            @DefaultValue("lead360.local") String messageIdDomain) {}

    /**
     * The operator's view (management port).
     *
     * @param backlogRefresh how often the backlog gauges (outbox entries and their age, held answers, due
     *                       ballots) read MongoDB at most; scrapes in between see the last reading
     */
    public record Operations(@DefaultValue("10s") Duration backlogRefresh) {}
}

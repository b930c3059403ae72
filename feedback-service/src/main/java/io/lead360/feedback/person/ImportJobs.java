package io.lead360.feedback.person;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.service.problem.ProblemException;
import io.lead360.service.problem.ProblemType;
import io.lead360.service.problem.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Imports that set many passwords, applied off the request thread: the plan is checked and made on the
 * request thread (bad input is refused there, never accepted as a job), then this instance hashes and
 * writes it while the administrator follows the job in {@code importJobs}. Jobs run one at a time per
 * instance (the hashing itself uses every core); a job waiting for its turn is RUNNING with 0 hashed.
 *
 * <p>The instance writes the progress of its jobs every heartbeat. A RUNNING job nobody has written for
 * {@link #MISSED_HEARTBEATS} heartbeats belonged to an instance that stopped: it is reported FAILED, since
 * the plan (and the passwords) were only in that instance's memory.
 */
@Component
class ImportJobs implements SchedulingConfigurer, DisposableBean {

    /** So many heartbeats missed in a row and the job's instance is taken to have stopped. */
    static final int MISSED_HEARTBEATS = 15;

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final MongoTemplate mongo;
    private final PersonService people;
    private final FeedbackProperties.People settings;
    private final Clock clock;
    private final ExecutorService runner =
            Executors.newSingleThreadExecutor(new CustomizableThreadFactory("import-job-"));
    /** The jobs this instance runs or will run, to their count of passwords hashed. */
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    ImportJobs(MongoTemplate mongo, PersonService people, FeedbackProperties properties, Clock clock) {
        this.mongo = mongo;
        this.people = people;
        this.settings = properties.people();
        this.clock = clock;
    }

    /** Whether the import hashes more passwords than a request should wait for. */
    boolean runsAsJob(PersonService.PlannedImport planned) {
        return planned.passwords() > settings.synchronousImportPasswords();
    }

    /** Stores the job as RUNNING and queues it; the answer is what {@link #find} says until it ends. */
    ImportJobView start(PersonService.PlannedImport planned, String actorId) {
        Instant now = clock.instant();
        ImportJob job = new ImportJob(
                UUID.randomUUID().toString(),
                actorId,
                ImportJobView.Status.RUNNING,
                planned.people(),
                planned.passwords(),
                0,
                null,
                null,
                now,
                now,
                now.plus(settings.importJobsKeptFor()));
        mongo.insert(job);
        AtomicInteger hashed = new AtomicInteger();
        running.put(job.id(), hashed);
        runner.execute(() -> run(job.id(), planned, actorId, hashed));
        return job.view();
    }

    /** The job, FAILED when its instance stopped before it ended; empty when unknown or expired. */
    Optional<ImportJobView> find(String id) {
        ImportJob job = mongo.findById(id, ImportJob.class);
        Instant now = clock.instant();
        if (job == null || !job.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        Instant lastHeardOf = now.minus(settings.importJobHeartbeat().multipliedBy(MISSED_HEARTBEATS));
        if (job.status() == ImportJobView.Status.RUNNING && job.updatedAt().isBefore(lastHeardOf)) {
            return Optional.of(new ImportJobView(
                    job.id(),
                    ImportJobView.Status.FAILED,
                    job.people(),
                    job.passwords(),
                    job.hashed(),
                    job.createdAt(),
                    job.updatedAt(),
                    null,
                    internalFailure(
                            "Import interrupted",
                            "The instance running the import stopped. Send the file again; people it may have "
                                    + "created already are kept.")));
        }
        return Optional.of(job.view());
    }

    private void run(String id, PersonService.PlannedImport planned, String actorId, AtomicInteger hashed) {
        try {
            // the pool's threads report out of order: keep the highest count
            ImportResult result = people.apply(planned, actorId, n -> hashed.accumulateAndGet(n, Math::max));
            end(id, ImportJobView.Status.DONE, hashed.get(), result, null);
        } catch (ProblemException e) {
            end(id, ImportJobView.Status.FAILED, hashed.get(), null, failure(e.toProblem()));
        } catch (RuntimeException e) {
            log.warn("import job {} failed: {}", id, e.toString());
            end(
                    id,
                    ImportJobView.Status.FAILED,
                    hashed.get(),
                    null,
                    internalFailure(
                            "Import failed", "Send the file again; people it may have created already are kept."));
        } finally {
            running.remove(id);
        }
    }

    private void end(
            String id, ImportJobView.Status status, int hashed, ImportResult result, ImportJobView.Failure problem) {
        try {
            mongo.updateFirst(
                    Query.query(where("_id").is(id)),
                    new Update()
                            .set("status", status)
                            .set("hashed", hashed)
                            .set("result", result)
                            .set("problem", problem)
                            .set("updatedAt", clock.instant()),
                    ImportJob.class);
        } catch (RuntimeException e) {
            // without its end written the job goes stale and is reported FAILED
            log.warn("import job {} ended {} but could not be stored: {}", id, status, e.toString());
        }
    }

    /** A failure that is nobody's input: no internals in it, the log has those. */
    private static ImportJobView.Failure internalFailure(String title, String detail) {
        ProblemDetail problem = Problems.of(ProblemType.INTERNAL_ERROR, detail);
        problem.setTitle(title);
        return failure(problem);
    }

    private static ImportJobView.Failure failure(ProblemDetail problem) {
        Problems.typed(problem);
        return new ImportJobView.Failure(
                problem.getType().toString(), problem.getTitle(), problem.getStatus(), problem.getDetail());
    }

    /**
     * Writes the progress of this instance's jobs (also their heartbeat), and removes expired jobs where the
     * TTL index is not applied (the embedded MongoDB-wire server keeps unique indexes only).
     */
    void heartbeat() {
        Instant now = clock.instant();
        running.forEach((id, hashed) -> mongo.updateFirst(
                Query.query(where("_id").is(id).and("status").is(ImportJobView.Status.RUNNING)),
                new Update().set("hashed", hashed.get()).set("updatedAt", now),
                ImportJob.class));
        mongo.remove(Query.query(where("expiresAt").lt(now)), ImportJob.class);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                () -> {
                    try {
                        heartbeat();
                    } catch (RuntimeException e) {
                        log.warn("import job heartbeat failed, retrying: {}", e.toString());
                    }
                },
                settings.importJobHeartbeat());
    }

    /** A job still running stops with the service (and is then reported FAILED, see the class comment). */
    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}

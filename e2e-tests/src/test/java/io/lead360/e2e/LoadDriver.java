package io.lead360.e2e;

import io.lead360.infra.demo.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raters answering concurrently through the gateway, the way a careful client does: an answer that
 * is lost (connection error, timeout, 5xx) is sent again, unchanged, until the platform says 201
 * (the first never landed) or 409 (it did). Every acknowledged submission is recorded with exactly
 * what was sent, so a checker can work out the profiles independently.
 */
final class LoadDriver {

    /** One feedback request to answer: who answers (their token), and about whom. */
    record Task(String token, String requestId, String subjectId, String relationship) {}

    /** One HTTP attempt: when it ended (ms since the run started) and how (status, or -1 for no answer). */
    record Attempt(long atMillis, int status) {}

    /**
     * What happened to one task in the end.
     *
     * @param droppedCreated the first answer was a 201 that this client threw away, as if the network had lost it
     */
    record Outcome(
            Task task,
            ExpectedProfile.Response response,
            boolean acknowledged,
            int lostAnswers,
            int finalStatus,
            long ackedAtMillis,
            boolean droppedCreated) {}

    /** A whole run: every task's outcome and every attempt. */
    record Run(long startedAtNanos, List<Outcome> outcomes, List<Attempt> attempts) {

        int acknowledged() {
            return (int) outcomes.stream().filter(Outcome::acknowledged).count();
        }

        int unresolved() {
            return (int) outcomes.stream().filter(o -> !o.acknowledged()).count();
        }

        int lostAnswers() {
            return outcomes.stream().mapToInt(Outcome::lostAnswers).sum();
        }

        /** Submissions whose answer was lost and whose retry then said 201 / 409. */
        int retriedAndCreated() {
            return (int) outcomes.stream()
                    .filter(o -> o.lostAnswers() > 0 && o.finalStatus() == 201)
                    .count();
        }

        int retriedAndConflict() {
            return (int) outcomes.stream()
                    .filter(o -> o.lostAnswers() > 0 && o.finalStatus() == 409)
                    .count();
        }

        /** First answers (201) thrown away on purpose; each retry must then say 409. */
        int droppedCreated() {
            return (int) outcomes.stream().filter(Outcome::droppedCreated).count();
        }

        /** Retries after a thrown-away 201 that did not say 409: a second acceptance, i.e. a duplicate. */
        int acceptedTwice() {
            return (int) outcomes.stream()
                    .filter(o -> o.droppedCreated() && o.finalStatus() != 409)
                    .count();
        }

        /** A 409 without an earlier lost answer would mean somebody else answered the request. */
        int unexplainedConflicts() {
            return (int) outcomes.stream()
                    .filter(o -> o.lostAnswers() == 0 && o.finalStatus() == 409)
                    .count();
        }

        /** The acknowledged submissions per subject: what the profiles must contain, exactly once each. */
        Map<String, List<ExpectedProfile.Response>> acknowledgedBySubject() {
            Map<String, List<ExpectedProfile.Response>> bySubject = new LinkedHashMap<>();
            outcomes.stream()
                    .filter(Outcome::acknowledged)
                    .forEach(o -> bySubject
                            .computeIfAbsent(o.task().subjectId(), k -> new ArrayList<>())
                            .add(o.response()));
            return bySubject;
        }

        /** Attempts that ended between two instants (ms since the run started). */
        List<Attempt> attemptsBetween(long fromMillis, long toMillis) {
            return attempts.stream()
                    .filter(a -> a.atMillis() >= fromMillis && a.atMillis() <= toMillis)
                    .toList();
        }

        long millisSinceStart(long nanos) {
            return (nanos - startedAtNanos) / 1_000_000;
        }
    }

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final ApiClient api;
    private final List<ExpectedProfile.Item> items;
    private final Random random;
    private final int threads;
    private int dropFirstAnswerOneIn;

    LoadDriver(String gatewayUrl, List<ExpectedProfile.Item> items, long seed, int threads) {
        this.api = new ApiClient(gatewayUrl, ATTEMPT_TIMEOUT);
        this.items = items;
        this.random = new Random(seed);
        this.threads = threads;
    }

    /**
     * Throws away the first answer of one task in {@code n}, as if the network had lost it, so that
     * the client's retry of a submission that did land is certain to happen (and must get 409).
     */
    LoadDriver dropFirstAnswerOneIn(int n) {
        this.dropFirstAnswerOneIn = n;
        return this;
    }

    /**
     * Starts answering in the background: the tasks' first attempts are spread evenly over
     * {@code spread}; a task still without 201/409 after {@code giveUpAfter} stays unresolved.
     */
    Future<Run> start(List<Task> tasks, Duration spread, Duration giveUpAfter) {
        List<Task> shuffled = new ArrayList<>(tasks);
        Collections.shuffle(shuffled, random);
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<ExpectedProfile.Response> responses = new ArrayList<>();
        for (Task task : shuffled) {
            Map<String, Integer> ratings = new LinkedHashMap<>();
            for (ExpectedProfile.Item item : items) {
                ratings.put(item.id(), random.nextInt(10) == 0 ? null : 1 + random.nextInt(5));
            }
            ratings.put(items.get(0).id(), 1 + random.nextInt(5));
            Map<String, String> comments =
                    Map.of("start", "Start " + task.requestId(), "continue", "Continue " + task.requestId());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ratings", ratings);
            body.put("comments", comments);
            bodies.add(body);
            responses.add(new ExpectedProfile.Response(task.relationship(), ratings, comments));
        }
        ExecutorService runner = Executors.newSingleThreadExecutor();
        Future<Run> run = runner.submit(() -> drive(shuffled, bodies, responses, spread, giveUpAfter));
        runner.shutdown();
        return run;
    }

    private Run drive(
            List<Task> tasks,
            List<Map<String, Object>> bodies,
            List<ExpectedProfile.Response> responses,
            Duration spread,
            Duration giveUpAfter)
            throws Exception {
        long started = System.nanoTime();
        long deadline = started + giveUpAfter.toNanos();
        long step = tasks.isEmpty() ? 0 : spread.toNanos() / tasks.size();
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                    sleepUntil(started + i * step);
                    boolean drop = dropFirstAnswerOneIn > 0 && i % dropFirstAnswerOneIn == 0;
                    outcomes.put(
                            i,
                            answer(tasks.get(i), bodies.get(i), responses.get(i), started, deadline, attempts, drop));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        List<Outcome> ordered = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            ordered.add(outcomes.get(i));
        }
        return new Run(started, ordered, List.copyOf(attempts));
    }

    private Outcome answer(
            Task task,
            Map<String, Object> body,
            ExpectedProfile.Response response,
            long started,
            long deadline,
            List<Attempt> attempts,
            boolean dropFirstAnswer) {
        int lost = 0;
        long pause = 250;
        boolean droppedCreated = false;
        while (true) {
            int status;
            try {
                status = api.post("/api/feedback-requests/" + task.requestId() + "/response", task.token(), body)
                        .status();
            } catch (RuntimeException noAnswer) { // connection refused or reset, timeout
                status = -1;
            }
            long now = System.nanoTime();
            attempts.add(new Attempt((now - started) / 1_000_000, status));
            if (dropFirstAnswer && lost == 0 && status == 201) {
                droppedCreated = true;
                status = -1; // the client never saw it
            }
            if (status == 201 || status == 409) {
                // 409 after a lost answer: the first attempt landed, so this answer is acknowledged too
                return new Outcome(task, response, true, lost, status, (now - started) / 1_000_000, droppedCreated);
            }
            if (status != -1 && status < 500) {
                throw new IllegalStateException("request " + task.requestId() + " answered " + status);
            }
            lost++;
            if (now > deadline) {
                return new Outcome(task, response, false, lost, status, -1, droppedCreated);
            }
            sleepUntil(now + TimeUnit.MILLISECONDS.toNanos(pause));
            pause = Math.min(2_000, pause * 2);
        }
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

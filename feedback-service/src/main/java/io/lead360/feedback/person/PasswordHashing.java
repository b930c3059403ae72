package io.lead360.feedback.person;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes an import's passwords side by side on a pool of its own, one thread per core: bcrypt costs about
 * 55 ms a hash here, so a large import is bound by the CPU alone. A pool of its own, not the common
 * fork-join pool of parallel streams, so that an import never starves whatever else shares that pool; the
 * pool is bounded, and imports running at once take turns on it. Spring closes it with the context.
 */
final class PasswordHashing implements AutoCloseable {

    private final PasswordEncoder encoder;
    private final int threads;
    private final ExecutorService pool;

    PasswordHashing(PasswordEncoder encoder, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread, not " + threads);
        }
        this.encoder = encoder;
        this.threads = threads;
        CustomizableThreadFactory factory = new CustomizableThreadFactory("password-hashing-");
        factory.setDaemon(true);
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    int threads() {
        return threads;
    }

    /**
     * The hash of each password, in order. {@code hashed} hears the number hashed so far after each one
     * (from the pool's threads). All or nothing: when one hash fails or the caller is interrupted, the
     * others stop after the hash they are computing, and this throws.
     */
    List<String> hashAll(List<String> passwords, IntConsumer hashed) {
        if (passwords.isEmpty()) {
            return List.of();
        }
        String[] hashes = new String[passwords.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        // one task per thread, each taking the next password: nothing waits in the queue but these
        for (int w = 0; w < Math.min(threads, hashes.length); w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < hashes.length; i = next.getAndIncrement()) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    hashes[i] = encoder.encode(passwords.get(i));
                    hashed.accept(done.incrementAndGet());
                }
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            stop(next, hashes.length, workers);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Hashing the passwords was interrupted", e);
        } catch (ExecutionException e) {
            stop(next, hashes.length, workers);
            throw new IllegalStateException("Hashing a password failed", e.getCause());
        }
        if (done.get() != hashes.length) {
            // a worker was interrupted (the pool shut down) and left the rest undone
            throw new IllegalStateException("Hashing the passwords was stopped");
        }
        return List.of(hashes);
    }

    private static void stop(AtomicInteger next, int length, List<Future<?>> workers) {
        next.set(length);
        workers.forEach(w -> w.cancel(true));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

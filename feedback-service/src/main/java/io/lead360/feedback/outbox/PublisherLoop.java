package io.lead360.feedback.outbox;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The thread a publisher runs its rounds on: a round that found a full batch is followed at once by
 * the next; otherwise the thread waits for its {@link Wakeup} (a local write) or the idle poll (writes
 * of other instances), whichever comes first. Its own thread, so one publisher's wait never delays
 * another's round on a shared scheduler.
 */
public final class PublisherLoop {

    private final String name;
    private final BooleanSupplier fullRound;
    private final Wakeup wakeup;
    private final Duration idlePoll;
    private volatile Thread thread;

    /** @param fullRound runs one round; true when it found a full batch (more is likely waiting) */
    public PublisherLoop(String name, BooleanSupplier fullRound, Wakeup wakeup, Duration idlePoll) {
        this.name = name;
        this.fullRound = fullRound;
        this.wakeup = wakeup;
        this.idlePoll = idlePoll;
    }

    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    public synchronized void stop() {
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (!fullRound.getAsBoolean()) {
                    wakeup.await(idlePoll);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

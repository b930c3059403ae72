package io.lead360.feedback.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A publisher's doorbell: a local write that leaves something to publish rings it, and the publisher's
 * thread, waiting at most its idle poll interval, starts the next round at once instead of on the next
 * poll. Rings while a round runs are kept (one permit), so nothing written during a round waits for the
 * poll; the idle poll still finds what other instances wrote.
 */
public final class Wakeup {

    private final Semaphore bell = new Semaphore(0);

    /** Something may be waiting: the publisher should run a round soon. */
    public void ring() {
        if (bell.availablePermits() == 0) {
            bell.release();
        }
    }

    /** Waits until rung or the timeout passes; true when rung. */
    public boolean await(Duration timeout) throws InterruptedException {
        boolean rung = bell.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        bell.drainPermits();
        return rung;
    }
}

package io.lead360.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock the test moves by hand (UTC): a service's one clock in an IT, or a rule's clock in a unit test. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** Starting now (to the millisecond, as Mongo stores instants). */
    public MutableClock() {
        this(wallClockNow());
    }

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Forward, or back with a negative duration. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Back to the wall clock's now (to the millisecond). */
    public void reset() {
        now = wallClockNow();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    private static Instant wallClockNow() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

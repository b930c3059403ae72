package io.lead360.feedback.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's one clock, moved by the test: days pass in milliseconds. */
public final class MutableClock extends Clock {

    private volatile Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    public void reset() {
        now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}

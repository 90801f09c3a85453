package org.openita.server.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The server's clock in tests: the system clock in Asia/Bangkok until a test sets the date, and again after
 * {@link #reset()} (which {@link ServerTestSupport} calls after every test). A test that needs a day sets it here
 * instead of moving shared rows (a cycle's phases, a measure's dates) onto the real today.
 */
public final class TestClock extends Clock {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final Clock SYSTEM = Clock.system(BANGKOK);

    private volatile Clock current = SYSTEM;

    /** From now on it is {@code day}, at ten in the morning in Bangkok, and the time stands still. */
    public void setToday(LocalDate day) {
        current = Clock.fixed(day.atTime(LocalTime.of(10, 0)).atZone(BANGKOK).toInstant(), BANGKOK);
    }

    /** Back to the system clock. */
    public void reset() {
        current = SYSTEM;
    }

    /** Today in Bangkok by this clock. */
    public LocalDate today() {
        return LocalDate.now(current);
    }

    @Override
    public ZoneId getZone() {
        return current.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }
}

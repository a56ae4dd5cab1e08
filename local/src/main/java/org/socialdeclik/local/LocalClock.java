package org.socialdeclik.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.socialdeclik.shared.config.TimeSource;

/**
 * The local run's clock: the system's UTC time plus an offset that {@code POST /_local/clock}
 * moves days ahead (it adds up) and {@code DELETE /_local/clock} takes back to zero. It is
 * installed as the functions' {@link TimeSource} before any function is built, so every function,
 * schedule, token expiry and TTL written or checked in the local run sees the same time.
 */
final class LocalClock extends Clock {
    static final LocalClock INSTANCE = new LocalClock();
    /** At most ten years ahead in all: enough to walk any loop, far from overflowing a date. */
    static final long MAX_DAYS = 3660;

    private volatile Duration offset = Duration.ZERO;

    private LocalClock() {
    }

    /** Makes this clock the one the functions take (idempotent). */
    static LocalClock installed() {
        if (TimeSource.clock() != INSTANCE) {
            TimeSource.install(INSTANCE);
        }
        return INSTANCE;
    }

    synchronized Instant advanceDays(long days) {
        long total = offset.toDays() + days;
        if (days < 1 || total > MAX_DAYS) {
            throw new IllegalArgumentException("advanceDays: a whole number of days from 1, at most "
                    + MAX_DAYS + " days ahead in all");
        }
        offset = offset.plusDays(days);
        return instant();
    }

    void reset() {
        offset = Duration.ZERO;
    }

    Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}

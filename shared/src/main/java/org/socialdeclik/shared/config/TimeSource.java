package org.socialdeclik.shared.config;

import java.time.Clock;
import java.util.Objects;

/**
 * The clock the functions take their time from when they build themselves from their environment
 * ({@code Wiring.clock()}): the system's UTC clock. A function built from its collaborators is
 * given its clock instead (the tests do that).
 *
 * <p>The local run, which runs every function in one JVM, installs its own clock here before it
 * builds them ({@code POST /_local/clock} moves it days ahead): so every function, schedule and
 * token check of that run sees the same time. Nothing else calls {@link #install}.
 */
public final class TimeSource {
    private static volatile Clock clock = Clock.systemUTC();

    private TimeSource() {
    }

    public static Clock clock() {
        return clock;
    }

    /** Installs the clock functions built from now on take (the local run's). */
    public static void install(Clock replacement) {
        clock = Objects.requireNonNull(replacement, "clock");
    }
}

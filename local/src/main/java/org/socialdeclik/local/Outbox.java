package org.socialdeclik.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The emails sent so far, oldest first. Filled by {@link LocalSes} as the emulator accepts each
 * SES SendEmail: so it holds exactly what SES accepted, whether or not the sender heard back.
 * Each running platform has its own.
 */
public final class Outbox {
    private final List<SentEmail> emails = new ArrayList<>();

    synchronized void record(SentEmail email) {
        emails.add(email);
        notifyAll();
    }

    /** A copy of the emails sent so far, oldest first. */
    public synchronized List<SentEmail> emails() {
        return List.copyOf(emails);
    }

    /**
     * The emails recorded after the first {@code from} ones, oldest first, waiting up to
     * {@code timeout} for one when there are none yet (a cursor over the outbox, for a reader that
     * follows a long run without copying it all each time).
     */
    public synchronized List<SentEmail> awaitAfter(int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (emails.size() <= from) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(emails.subList(from, emails.size()));
    }

    /** Forgets every email. */
    public synchronized void clear() {
        emails.clear();
    }

    /**
     * Waits until at least {@code count} emails match, and returns those that do (oldest first);
     * returns what there is when the time is up.
     */
    public synchronized List<SentEmail> await(Predicate<SentEmail> filter, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<SentEmail> matching = new ArrayList<>();
            for (SentEmail email : emails) {
                if (filter.test(email)) {
                    matching.add(email);
                }
            }
            long left = deadline - System.nanoTime();
            if (matching.size() >= count || left <= 0) {
                return List.copyOf(matching);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

package org.socialdeclik.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The emails sent so far, oldest first. Filled by {@link OutboxInterceptor} from every successful
 * SES SendEmail call: so it holds exactly what the emulator accepted.
 *
 * <p>Each running platform has its own outbox. A handler invoked by a platform records into that
 * platform's outbox (bound to the invoking thread); an email sent from any other thread goes to
 * the most recently started platform's outbox.
 */
public final class Outbox {
    private static final ThreadLocal<Outbox> BOUND = new ThreadLocal<>();
    private static volatile Outbox fallback = new Outbox();

    private final List<SentEmail> emails = new ArrayList<>();

    /** The outbox the current thread's emails go to. */
    static Outbox current() {
        Outbox bound = BOUND.get();
        return bound != null ? bound : fallback;
    }

    /** Makes this outbox the current thread's until the scope is closed. */
    Scope bind() {
        Outbox previous = BOUND.get();
        BOUND.set(this);
        return () -> {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        };
    }

    void becomeFallback() {
        fallback = this;
    }

    void resignFallback() {
        if (fallback == this) {
            fallback = new Outbox();
        }
    }

    synchronized void record(SentEmail email) {
        emails.add(email);
        notifyAll();
    }

    /** A copy of the emails sent so far, oldest first. */
    public synchronized List<SentEmail> emails() {
        return List.copyOf(emails);
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

    /** Closing a scope restores the thread's previous outbox. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

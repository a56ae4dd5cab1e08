package org.socialdeclik.shared.ports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What should have happened and may not have: every change that calls for later work (an email to
 * send, a mission or a profile to match) records it here in the same transaction, and the work
 * removes it once done. The sweep reads it to find, without a scan, what the stream consumers did
 * not finish (their retries ran out, a record was parked in the failure queue, a process died).
 */
public interface WorkLedger {
    enum Kind { OUTBOX, MISSION, PROFILE }

    /** One piece of work: an outbox item, or a mission or profile version to match, recorded at {@code at}. */
    record Work(Kind kind, String id, Instant at) {}

    /** Work recorded at or before {@code until} and not done, oldest first, at most {@code limit}. */
    List<Work> openWork(Instant until, Duration lookback, int limit);

    /** The work is done (or moot): it leaves the ledger. */
    void done(Work work);
}

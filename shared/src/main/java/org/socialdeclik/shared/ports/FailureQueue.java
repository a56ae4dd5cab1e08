package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.List;

/**
 * The queue where the stream's event source mappings park the position of records that kept
 * failing (Lambda's on-failure destination). A message holds where the records were, never what
 * they said: the sweep accounts for it from the work ledger, not by reading the records back.
 */
public interface FailureQueue {
    /**
     * One parked batch: the function that failed on it, how many records, when the last of them
     * reached the stream (null when the message does not say), and what deleting it takes.
     */
    record Parked(String messageId, String receipt, String function, int records, Instant lastRecordArrival) {}

    /** Up to {@code max} messages, hidden from other readers for a while. */
    List<Parked> receive(int max);

    /** The batch is accounted for: the message leaves the queue. */
    void delete(Parked parked);
}

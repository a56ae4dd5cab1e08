package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The state of outbox emails: PENDING (to send), SENDING (claimed by one delivery), SENT. A
 * claim is what makes a send happen once; the parts SES accepted (from its answer or from its
 * send events) are what decide, after a send whose outcome was unknown, whether to send again.
 */
public interface OutboxRepository {
    Optional<OutboxEntry> findEmail(String id);

    /** The email with its delivery state; empty when there is no such item (never written, or expired). */
    Optional<Delivery> delivery(String id);

    /** Takes a PENDING email for sending; empty when another delivery already took or sent it. */
    Optional<Claim> claim(String id, Instant now);

    /**
     * Takes again an email left SENDING by the claim made at {@code claimedAt} (a delivery that
     * died, or whose send had an unknown outcome); empty when its state has moved since.
     */
    Optional<Claim> reclaim(String id, Instant claimedAt, Instant now);

    /** Records that SES accepted this part of the email (its answer, or its send event). */
    void accepted(String id, String part, String messageId);

    /**
     * The email is done: every part accepted, suppressed or not needed. {@code part} and
     * {@code messageId}, when not null, record the last part's acceptance in the same write.
     */
    void markSent(String id, Instant now, String part, String messageId);

    /** Gives the claim back after SES refused a send, so that a later delivery may send what is left. */
    void release(String id, Instant claimedAt);

    /** A send of this claim had an unknown outcome: the claim stays, for the sweep to decide from evidence. */
    void unconfirmed(String id, Instant claimedAt, Instant now);

    enum State { PENDING, SENDING, SENT }

    /** An email and where its delivery stands. */
    record Delivery(OutboxEntry entry, State state, Instant createdAt, Instant claimedAt, Set<String> accepted) {
        public Delivery {
            accepted = Set.copyOf(accepted);
        }
    }

    /** A claim held: when it was made, and the parts already accepted by SES before it. */
    record Claim(Instant claimedAt, Set<String> accepted) {
        public Claim {
            accepted = Set.copyOf(accepted);
        }
    }
}

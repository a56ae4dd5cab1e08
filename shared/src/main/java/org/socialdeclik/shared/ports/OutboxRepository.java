package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.Optional;

/** The state of outbox emails: pending, being sent, sent. */
public interface OutboxRepository {
    Optional<OutboxEntry> findEmail(String id);

    /** Takes the email for sending; false when another delivery already took or sent it. */
    boolean claim(String id, Instant now);

    void markSent(String id, String messageId, Instant now);

    /** Gives the email back after a failed send, so a retry may send it. */
    void release(String id);
}

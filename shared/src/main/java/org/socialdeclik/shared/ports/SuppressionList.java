package org.socialdeclik.shared.ports;

import java.time.Instant;

/** Addresses that bounced for good or complained: never emailed again. */
public interface SuppressionList {
    void suppress(String email, String reason, Instant now);

    boolean suppressed(String email);
}

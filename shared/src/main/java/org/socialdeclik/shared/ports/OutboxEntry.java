package org.socialdeclik.shared.ports;

import java.util.Map;

/**
 * An email to send, recorded in the same transaction as the change that calls for it. Its id
 * names its purpose (e.g. {@code PROPOSAL#mission#profile}), so one purpose gives one email.
 */
public record OutboxEntry(String id, Kind kind, Map<String, String> refs) {
    public enum Kind { VERIFY, SIGN_IN, MISSION_CONFIRMATION, MISSION_REVIEW, PROPOSAL, DIGEST, INTEREST_ORGANIZATION, INTEREST_CONFIRMATION }

    public OutboxEntry {
        refs = Map.copyOf(refs);
    }
}

package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.List;

/** What the platform holds about a person besides the profile: what was proposed, what they chose. */
public record ProfileRecords(List<Proposal> proposals, List<Interest> interests) {
    /** A proposal; the mission's title when known (null for a mission since removed). */
    public record Proposal(String missionId, Instant proposedAt, String title) {
        public Proposal withTitle(String title) {
            return new Proposal(missionId, proposedAt, title);
        }
    }

    public record Interest(String missionId, Instant expressedAt) {}
}

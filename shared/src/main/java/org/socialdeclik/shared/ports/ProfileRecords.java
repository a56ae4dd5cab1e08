package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.List;

/** What the platform holds about a person besides the profile: what was proposed, what they chose. */
public record ProfileRecords(List<Proposal> proposals, List<Interest> interests) {
    public record Proposal(String missionId, Instant proposedAt) {}

    public record Interest(String missionId, Instant expressedAt) {}
}

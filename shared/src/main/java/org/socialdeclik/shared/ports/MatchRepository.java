package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.domain.match.MatchReasons;

/** Match items: the single record that a (mission, freelancer) pair was proposed. */
public interface MatchRepository {
    /** Records the pair and its proposal email atomically; false when the pair already exists. */
    boolean recordProposal(String missionId, String profileId, MatchReasons reasons, Instant now);

    /**
     * Records the new pairs of one profile and one digest email listing them, atomically.
     * Pairs that already exist are left out; returns the mission ids recorded.
     */
    List<String> recordDigest(String profileId, Map<String, MatchReasons> byMission, Instant now);

    Optional<MatchReasons> reasons(String missionId, String profileId);

    /** When this profile was proposed missions since the given instant, newest first. */
    List<Instant> proposalsSince(String profileId, Instant since);

    /**
     * Records the freelancer's interest in a proposed mission with the emails to both sides,
     * atomically; false when it was already recorded (a repeat click changes nothing).
     */
    boolean recordInterest(String missionId, String profileId, Instant now);
}

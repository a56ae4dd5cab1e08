package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.match.MissionCard;

/** Missions, and the index of open missions by skill. */
public interface MissionRepository {
    /** Stores a new mission with its emails, all or nothing; a published one joins the open index. */
    void submit(Mission mission, MissionStatus status, Instant now, List<OutboxEntry> emails);

    Optional<StoredMission> findMission(String id);

    /**
     * Publishes or rejects a mission waiting for review, all or nothing.
     * @throws NotFoundException no such mission
     * @throws ConflictException it was already reviewed
     */
    StoredMission review(String id, boolean approve, String reason, Instant now);

    /**
     * Closes a published or pending mission with its outcome (null: not said) and the emails it
     * calls for, and takes it out of the open index, all or nothing.
     * @throws NotFoundException no such mission
     * @throws ConflictException already closed or rejected
     */
    StoredMission close(String id, MissionOutcome outcome, Instant now, List<OutboxEntry> emails);

    /** Open missions that ask for this skill id. */
    List<MissionCard> openMissionsWithSkill(String skillId);
}

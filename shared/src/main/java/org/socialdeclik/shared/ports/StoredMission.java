package org.socialdeclik.shared.ports;

import java.time.Instant;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.MissionStatus;

/**
 * A mission with its life-cycle state; {@code outcome} once closed, when known (missions closed
 * before outcomes existed, or closed without saying why, have none).
 */
public record StoredMission(Mission mission, MissionStatus status, Instant createdAt, Instant updatedAt, String reviewReason,
                            MissionOutcome outcome) {

    /** A mission not closed (or closed without an outcome). */
    public StoredMission(Mission mission, MissionStatus status, Instant createdAt, Instant updatedAt, String reviewReason) {
        this(mission, status, createdAt, updatedAt, reviewReason, null);
    }
}

package org.socialdeclik.shared.ports;

import java.time.Instant;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;

/** A mission with its life-cycle state. */
public record StoredMission(Mission mission, MissionStatus status, Instant createdAt, Instant updatedAt, String reviewReason) {}

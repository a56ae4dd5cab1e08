package org.socialdeclik.shared.app;

import java.util.Objects;
import org.socialdeclik.shared.domain.Mission;

/** Command: store this mission (validated at the edge, with its new id) and its emails. */
public record SubmitMission(Mission mission) {
    public SubmitMission {
        Objects.requireNonNull(mission, "mission");
    }
}

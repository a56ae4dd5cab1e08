package org.socialdeclik.shared.domain;

/** Why a mission closed: the organisation says so when it closes it; one closed by itself expired. */
public enum MissionOutcome {
    FILLED_HERE, FILLED_ELSEWHERE, CANCELLED, EXPIRED;

    /** Someone does the mission (through the platform or not). */
    public boolean filled() {
        return this == FILLED_HERE || this == FILLED_ELSEWHERE;
    }
}

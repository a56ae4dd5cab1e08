package org.socialdeclik.shared.app;

import java.util.Objects;

/** Command: an admin's decision on a pending mission, with the review token of that mission. */
public record ReviewMission(String missionId, String token, boolean approve, String reason) {
    public ReviewMission {
        Objects.requireNonNull(missionId, "missionId");
        Objects.requireNonNull(token, "token");
    }
}

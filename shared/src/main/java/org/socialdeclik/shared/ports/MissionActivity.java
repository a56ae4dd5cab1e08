package org.socialdeclik.shared.ports;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What became of a mission once published: to how many it was proposed, how many are interested. */
public interface MissionActivity {
    Counts counts(String missionId);

    /** The titles of these missions, by id; a mission that no longer exists is left out. */
    Map<String, String> titles(Collection<String> missionIds);

    /** The profiles that said they are interested in the mission (in no particular order). */
    List<String> interestedProfiles(String missionId);

    /** Proposals sent (a pair waiting for a freelancer's weekly window is not one yet) and interests. */
    record Counts(int proposed, int interested) {}
}

package org.socialdeclik.shared.domain.match;

import java.util.List;

/**
 * Why a mission fits a profile, in data: the skills in common (as the mission names them), the
 * shared causes, the place, and the pay per day compared with the profile's minimum.
 */
public record MatchReasons(
        List<String> sharedSkills,
        int missionSkillCount,
        List<String> sharedCauses,
        PlaceFit place,
        String department,
        int dailyPay,
        Integer minimumRate,
        boolean proBono) {

    public MatchReasons {
        sharedSkills = List.copyOf(sharedSkills);
        sharedCauses = List.copyOf(sharedCauses);
    }

    /** Share of the mission's skills the profile covers, 0..1. */
    public double skillShare() {
        return missionSkillCount == 0 ? 0 : (double) sharedSkills.size() / missionSkillCount;
    }

    /** Pay per day above the profile's minimum (0 when no minimum or pro bono). */
    public int payMargin() {
        return proBono || minimumRate == null ? 0 : dailyPay - minimumRate;
    }
}

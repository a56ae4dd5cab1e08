package org.socialdeclik.shared.domain.match;

import java.util.List;

/**
 * Why a mission fits a profile, in data: the skills in common (as the mission names them), the
 * skills of the profile that are a kind of one the mission asks for ({@code related}: Drupal for
 * a CMS), the shared causes, the place, and the pay per day compared with the profile's minimum.
 */
public record MatchReasons(
        List<String> sharedSkills,
        int missionSkillCount,
        List<String> sharedCauses,
        PlaceFit place,
        String department,
        int dailyPay,
        Integer minimumRate,
        boolean proBono,
        List<Related> related) {

    /** A skill of the profile ({@code skill}, a term id) narrower than one the mission asks for ({@code broader}). */
    public record Related(String skill, String broader) {}

    public MatchReasons {
        sharedSkills = List.copyOf(sharedSkills);
        sharedCauses = List.copyOf(sharedCauses);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** Reasons with no related skill: every skill in common is the mission's own. */
    public MatchReasons(List<String> sharedSkills, int missionSkillCount, List<String> sharedCauses, PlaceFit place,
                        String department, int dailyPay, Integer minimumRate, boolean proBono) {
        this(sharedSkills, missionSkillCount, sharedCauses, place, department, dailyPay, minimumRate, proBono, List.of());
    }

    /** Share of the mission's skills the profile covers with the skill itself, 0..1. */
    public double skillShare() {
        return missionSkillCount == 0 ? 0 : (double) sharedSkills.size() / missionSkillCount;
    }

    /** Share of the mission's skills the profile covers only with a narrower one, 0..1. */
    public double relatedShare() {
        return missionSkillCount == 0 ? 0 : (double) related.size() / missionSkillCount;
    }

    /** Pay per day above the profile's minimum (0 when no minimum or pro bono). */
    public int payMargin() {
        return proBono || minimumRate == null ? 0 : dailyPay - minimumRate;
    }
}

package org.socialdeclik.shared.domain.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.vocab.Vocabulary;

/**
 * What matching needs to know of a mission, kept small so it can sit in index items.
 * {@code skills} are the mission's words, {@code skillIds} the same skills as understood.
 */
public record MissionCard(
        String id,
        String title,
        List<String> skills,
        List<String> skillIds,
        List<String> causes,
        List<String> causeIds,
        String department,
        WorkMode workMode,
        int dailyPay,
        boolean proBono,
        LocalDate startDate,
        LocalDate applicationDeadline) {

    public MissionCard {
        skills = List.copyOf(skills);
        skillIds = List.copyOf(skillIds);
        causes = causes == null ? List.of() : List.copyOf(causes);
        causeIds = causeIds == null ? List.of() : List.copyOf(causeIds);
    }

    public static MissionCard of(Mission mission) {
        return new MissionCard(mission.id(), mission.title(), mission.skills(),
                ids(Vocabulary.skills(), mission.skills()), mission.causes(), ids(Vocabulary.causes(), mission.causes()),
                mission.location() == null ? null : mission.location().department(), mission.workMode(),
                mission.dailyPay(), mission.proBono(), mission.startDate(), mission.applicationDeadline());
    }

    static List<String> ids(Vocabulary vocabulary, List<String> typed) {
        List<String> ids = new ArrayList<>();
        for (String word : typed) {
            String id = vocabulary.understand(word).id();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The mission's own word for a skill id (as the mission names it). */
    public String wordFor(String skillId) {
        int index = skillIds.indexOf(skillId);
        for (String word : skills) {
            if (Vocabulary.skills().understand(word).id().equals(skillId)) {
                return word;
            }
        }
        return index >= 0 ? skills.get(index) : skillId;
    }

    public String causeWordFor(String causeId) {
        for (String word : causes) {
            if (Vocabulary.causes().understand(word).id().equals(causeId)) {
                return word;
            }
        }
        return causeId;
    }
}

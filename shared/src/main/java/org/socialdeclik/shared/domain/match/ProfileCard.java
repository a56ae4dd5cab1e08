package org.socialdeclik.shared.domain.match;

import java.time.LocalDate;
import java.util.List;
import org.socialdeclik.shared.domain.Mobility;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.vocab.Vocabulary;

/** What matching needs to know of a profile, kept small so it can sit in index items. */
public record ProfileCard(
        String id,
        List<String> skillIds,
        List<String> causeIds,
        String department,
        Mobility mobility,
        boolean remote,
        Integer minimumRate,
        boolean proBono,
        LocalDate availableFrom,
        String locale) {

    public ProfileCard {
        skillIds = List.copyOf(skillIds);
        causeIds = causeIds == null ? List.of() : List.copyOf(causeIds);
    }

    public static ProfileCard of(Profile profile) {
        return new ProfileCard(profile.id(), MissionCard.ids(Vocabulary.skills(), profile.skills()),
                MissionCard.ids(Vocabulary.causes(), profile.causes()), profile.location().department(),
                profile.mobility(), profile.remote(), profile.minimumRate(), profile.proBono(),
                profile.availability() == null ? null : profile.availability().from(), profile.locale());
    }
}

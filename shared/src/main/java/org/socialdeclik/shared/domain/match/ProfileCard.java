package org.socialdeclik.shared.domain.match;

import java.time.LocalDate;
import java.util.List;
import org.socialdeclik.shared.domain.Mobility;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProposalFrequency;
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
        String locale,
        ProposalFrequency proposalFrequency) {

    public ProfileCard {
        skillIds = List.copyOf(skillIds);
        causeIds = causeIds == null ? List.of() : List.copyOf(causeIds);
        proposalFrequency = ProposalFrequency.orDefault(proposalFrequency);
    }

    /** A card with the default frequency (IMMEDIATE). */
    public ProfileCard(String id, List<String> skillIds, List<String> causeIds, String department, Mobility mobility,
                       boolean remote, Integer minimumRate, boolean proBono, LocalDate availableFrom, String locale) {
        this(id, skillIds, causeIds, department, mobility, remote, minimumRate, proBono, availableFrom, locale,
                ProposalFrequency.IMMEDIATE);
    }

    /** This freelancer's proposals wait for the Monday digest. */
    public boolean weekly() {
        return proposalFrequency == ProposalFrequency.WEEKLY;
    }

    public static ProfileCard of(Profile profile) {
        return new ProfileCard(profile.id(), MissionCard.ids(Vocabulary.skills(), profile.skills()),
                MissionCard.ids(Vocabulary.causes(), profile.causes()), profile.location().department(),
                profile.mobility(), profile.remote(), profile.minimumRate(), profile.proBono(),
                profile.availability() == null ? null : profile.availability().from(), profile.locale(),
                profile.proposalFrequency());
    }
}

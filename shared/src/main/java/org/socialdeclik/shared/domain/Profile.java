package org.socialdeclik.shared.domain;

import java.util.List;
import java.util.Objects;

/** A freelancer's profile as they wrote it (validated at the edge). */
public record Profile(
        String id,
        String email,
        String firstName,
        String lastName,
        String headline,
        String bio,
        String portfolioUrl,
        List<String> skills,
        List<String> causes,
        Place location,
        Mobility mobility,
        boolean remote,
        Integer dailyRate,
        Integer minimumRate,
        boolean proBono,
        Availability availability,
        List<String> languages,
        String locale,
        boolean consent,
        ProposalFrequency proposalFrequency) {

    /** A profile with the default frequency (IMMEDIATE). */
    public Profile(String id, String email, String firstName, String lastName, String headline, String bio,
                   String portfolioUrl, List<String> skills, List<String> causes, Place location, Mobility mobility,
                   boolean remote, Integer dailyRate, Integer minimumRate, boolean proBono, Availability availability,
                   List<String> languages, String locale, boolean consent) {
        this(id, email, firstName, lastName, headline, bio, portfolioUrl, skills, causes, location, mobility, remote,
                dailyRate, minimumRate, proBono, availability, languages, locale, consent, ProposalFrequency.IMMEDIATE);
    }

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(mobility, "mobility");
        skills = List.copyOf(skills);
        causes = causes == null ? List.of() : List.copyOf(causes);
        languages = languages == null ? List.of() : List.copyOf(languages);
        locale = locale == null ? "fr" : locale;
        proposalFrequency = ProposalFrequency.orDefault(proposalFrequency);
        if (skills.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one skill");
        }
        if (!consent) {
            throw new IllegalArgumentException("a profile exists only with consent");
        }
    }

    /** Proposals wait for the Monday digest. */
    public boolean weekly() {
        return proposalFrequency == ProposalFrequency.WEEKLY;
    }

    public String displayName() {
        return firstName + " " + lastName;
    }
}

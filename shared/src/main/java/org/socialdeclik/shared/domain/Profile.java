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
        boolean consent) {

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
        if (skills.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one skill");
        }
        if (!consent) {
            throw new IllegalArgumentException("a profile exists only with consent");
        }
    }

    public String displayName() {
        return firstName + " " + lastName;
    }
}

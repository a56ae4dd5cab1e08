package org.socialdeclik.shared.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A mission as the organisation submitted it (validated at the edge). */
public record Mission(
        String id,
        String title,
        String description,
        Organization organization,
        List<String> skills,
        List<String> causes,
        Place location,
        WorkMode workMode,
        int budget,
        int estimatedDays,
        boolean proBono,
        LocalDate startDate,
        LocalDate applicationDeadline,
        String locale) {

    public Mission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(workMode, "workMode");
        Objects.requireNonNull(startDate, "startDate");
        skills = List.copyOf(skills);
        causes = causes == null ? List.of() : List.copyOf(causes);
        locale = locale == null ? "fr" : locale;
        if (skills.isEmpty()) {
            throw new IllegalArgumentException("a mission needs at least one skill");
        }
        if (workMode != WorkMode.REMOTE && location == null) {
            throw new IllegalArgumentException("an on-site or hybrid mission needs a place");
        }
        if (budget < 0 || estimatedDays < 1 || (budget == 0 && !proBono)) {
            throw new IllegalArgumentException("budget and days are inconsistent");
        }
    }

    /** Pay per day in whole euros (rounded down); 0 for pro bono. */
    public int dailyPay() {
        return proBono ? 0 : budget / estimatedDays;
    }
}

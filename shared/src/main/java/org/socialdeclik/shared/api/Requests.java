package org.socialdeclik.shared.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.socialdeclik.shared.domain.Availability;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Mobility;
import org.socialdeclik.shared.domain.Organization;
import org.socialdeclik.shared.domain.OrganizationType;
import org.socialdeclik.shared.domain.Place;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProposalFrequency;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.vocab.Department;
import org.socialdeclik.shared.domain.vocab.Places;

/**
 * Turns request bodies into domain records, naming every bad field (with its limits) at once.
 * Limits are part of the contract documented in the README.
 */
public final class Requests {
    public static final List<String> LOCALES = List.of("fr", "en");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^\\d{5}$");

    private static final Set<String> MISSION_FIELDS = Set.of("title", "description", "organization", "skills",
            "causes", "location", "workMode", "budget", "estimatedDays", "proBono", "startDate",
            "applicationDeadline", "locale");
    private static final Set<String> ORGANIZATION_FIELDS = Set.of("name", "type", "email", "website");
    private static final Set<String> LOCATION_FIELDS = Set.of("department", "postalCode");
    private static final Set<String> PROFILE_FIELDS = Set.of("email", "firstName", "lastName", "headline", "bio",
            "portfolioUrl", "skills", "causes", "location", "mobility", "remote", "dailyRate", "minimumRate", "proBono",
            "availability", "languages", "locale", "consent", "proposalFrequency");
    private static final Set<String> UPDATE_FIELDS = java.util.stream.Stream.concat(
            PROFILE_FIELDS.stream().filter(n -> !n.equals("email")), java.util.stream.Stream.of("subscribed"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> AVAILABILITY_FIELDS = Set.of("daysPerMonth", "from");

    private Requests() {}

    public static Mission mission(String id, JsonNode body, Messages messages, Clock clock) {
        Fields f = new Fields(messages);
        LocalDate today = LocalDate.now(clock);
        f.allowOnly(body, "", MISSION_FIELDS);
        String title = f.text(body, "", "title", true, 120);
        String description = f.text(body, "", "description", true, 5000, true);
        Organization organization = null;
        JsonNode org = f.object(body, "", "organization", true);
        if (org != null) {
            f.allowOnly(org, "organization", ORGANIZATION_FIELDS);
            String name = f.text(org, "organization", "name", true, 200);
            OrganizationType type = f.enumValue(org, "organization", "type", true, OrganizationType.class);
            String email = f.email(org, "organization", "email", true);
            String website = f.url(org, "organization", "website", false);
            if (name != null && type != null && email != null) {
                organization = new Organization(name, type, email, website);
            }
        }
        List<String> skills = words(f, f.textList(body, "", "skills", true, 1, 10, 60), "skills");
        List<String> causes = words(f, f.textList(body, "", "causes", false, 0, 10, 60), "causes");
        WorkMode workMode = f.enumValue(body, "", "workMode", true, WorkMode.class);
        Place location = place(f, body, workMode == null || workMode != WorkMode.REMOTE, "field.location.required");
        Boolean proBono = f.bool(body, "", "proBono", true);
        Integer budget = f.integer(body, "", "budget", true, 0, 1_000_000);
        Integer days = f.integer(body, "", "estimatedDays", true, 1, 365);
        if (budget != null && budget == 0 && Boolean.FALSE.equals(proBono)) {
            f.add("budget", "field.budget.zero");
        }
        LocalDate start = f.date(body, "", "startDate", true);
        if (start != null && start.isBefore(today)) {
            f.add("startDate", "field.date.past");
        }
        LocalDate deadline = f.date(body, "", "applicationDeadline", false);
        if (deadline != null && deadline.isBefore(today)) {
            f.add("applicationDeadline", "field.date.past");
        } else if (deadline != null && start != null && deadline.isAfter(start)) {
            f.add("applicationDeadline", "field.deadline.afterStart");
        }
        String locale = f.oneOf(body, "", "locale", false, LOCALES);
        f.throwIfAny();
        return new Mission(id, title, description, organization, skills, causes, location, workMode,
                budget, days, proBono, start, deadline, locale);
    }

    /** A profile body; {@code email} is required for creation and refused for updates. */
    public static Profile profile(String id, String knownEmail, JsonNode body, Messages messages, Clock clock) {
        Fields f = new Fields(messages);
        if (knownEmail == null) {
            f.allowOnly(body, "", PROFILE_FIELDS);
        } else {
            // an update may also switch proposals back on (or off): "subscribed", read by the service
            f.allowOnly(body, "", UPDATE_FIELDS);
            f.bool(body, "", "subscribed", false);
        }
        String email = knownEmail != null ? knownEmail : f.email(body, "", "email", true);
        String firstName = f.text(body, "", "firstName", true, 80);
        String lastName = f.text(body, "", "lastName", true, 80);
        String headline = f.text(body, "", "headline", false, 140);
        String bio = f.text(body, "", "bio", false, 2000, true);
        String portfolioUrl = f.httpsUrl(body, "", "portfolioUrl", false);
        List<String> skills = words(f, f.textList(body, "", "skills", true, 1, 20, 60), "skills");
        List<String> causes = words(f, f.textList(body, "", "causes", false, 0, 10, 60), "causes");
        Place location = place(f, body, true, "field.required");
        Mobility mobility = f.enumValue(body, "", "mobility", true, Mobility.class);
        Boolean remote = f.bool(body, "", "remote", true);
        Integer dailyRate = f.integer(body, "", "dailyRate", false, 1, 5000);
        Integer minimumRate = f.integer(body, "", "minimumRate", false, 0, 5000);
        if (dailyRate != null && minimumRate != null && minimumRate > dailyRate) {
            f.add("minimumRate", "field.minimumRate.aboveDaily");
        }
        Boolean proBono = f.bool(body, "", "proBono", true);
        Availability availability = null;
        JsonNode av = f.object(body, "", "availability", false);
        if (av != null) {
            f.allowOnly(av, "availability", AVAILABILITY_FIELDS);
            Integer daysPerMonth = f.integer(av, "availability", "daysPerMonth", false, 1, 31);
            LocalDate from = f.date(av, "availability", "from", false);
            availability = new Availability(daysPerMonth, from);
        }
        List<String> languages = f.textList(body, "", "languages", false, 0, 10, 3);
        if (languages != null) {
            for (int i = 0; i < languages.size(); i++) {
                if (!LANGUAGE.matcher(languages.get(i)).matches()) {
                    f.add("languages[" + i + "]", "field.language");
                }
            }
        }
        String locale = f.oneOf(body, "", "locale", false, LOCALES);
        Boolean consent = f.bool(body, "", "consent", true);
        if (Boolean.FALSE.equals(consent)) {
            f.add("consent", "field.consent");
        }
        // absent: IMMEDIATE, as before the choice existed (PUT /profiles/me replaces the editable fields)
        ProposalFrequency frequency = f.enumValue(body, "", "proposalFrequency", false, ProposalFrequency.class);
        f.throwIfAny();
        return new Profile(id, email, firstName, lastName, headline, bio, portfolioUrl, skills, causes, location, mobility,
                remote, dailyRate, minimumRate, proBono, availability, languages, locale, true, frequency);
    }

    /** An update's {@code "subscribed"} switch (validated by {@link #profile}), or null when absent. */
    public static Boolean subscribed(JsonNode body) {
        JsonNode subscribed = body.get("subscribed");
        return subscribed != null && subscribed.isBoolean() ? subscribed.booleanValue() : null;
    }

    /** Skills and causes must hold a word (a letter or a digit), so that they can be understood. */
    private static List<String> words(Fields f, List<String> items, String field) {
        if (items == null) {
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).codePoints().noneMatch(Character::isLetterOrDigit)) {
                f.add(field + "[" + i + "]", "field.word");
                ok = false;
            }
        }
        return ok ? items : null;
    }

    /** {@code location}: exactly one of a département code or a French postal code. */
    private static Place place(Fields f, JsonNode body, boolean required, String requiredKey) {
        JsonNode location = f.object(body, "", "location", false);
        if (location == null) {
            if (required && !f.hasErrorOn("location")) {
                f.add("location", requiredKey);
            }
            return null;
        }
        f.allowOnly(location, "location", LOCATION_FIELDS);
        boolean hasDepartment = location.hasNonNull("department");
        boolean hasPostalCode = location.hasNonNull("postalCode");
        if (hasDepartment == hasPostalCode) {
            f.add("location", "field.location.one");
            return null;
        }
        if (hasDepartment) {
            String code = f.text(location, "location", "department", true, 3);
            if (code == null) {
                return null;
            }
            Optional<Department> department = Places.france().department(code);
            if (department.isEmpty()) {
                f.add("location.department", "field.department");
                return null;
            }
            return new Place(department.get().code(), null);
        }
        String postalCode = f.text(location, "location", "postalCode", true, 5);
        if (postalCode == null) {
            return null;
        }
        Optional<Department> department = POSTAL_CODE.matcher(postalCode).matches()
                ? Places.france().byPostalCode(postalCode) : Optional.empty();
        if (department.isEmpty()) {
            f.add("location.postalCode", "field.postalCode");
            return null;
        }
        return new Place(department.get().code(), postalCode);
    }
}

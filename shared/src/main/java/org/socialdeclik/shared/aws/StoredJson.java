package org.socialdeclik.shared.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.domain.Availability;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Mobility;
import org.socialdeclik.shared.domain.Organization;
import org.socialdeclik.shared.domain.OrganizationType;
import org.socialdeclik.shared.domain.Place;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProposalFrequency;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.PlaceFit;
import org.socialdeclik.shared.domain.match.ProfileCard;

/**
 * The JSON documents kept in the table (a mission's or a profile's {@code doc}, the matching
 * cards, a proposal's reasons), written and read field by field: no reflection, so nothing to
 * build on a function's first request. The form is the one the table already holds: members in
 * the order of the record's components, null ones left out, dates in ISO-8601, enums by name;
 * reading ignores members it does not know and takes a missing one as null (false or 0 for a
 * flag or a count). {@code StoredJsonTest} holds it to what Jackson's object mapper wrote, and
 * fails when a record has a component that is not written here.
 */
public final class StoredJson {
    private StoredJson() {}

    public static String write(Mission mission) {
        return Json.write(node(mission));
    }

    public static String write(Profile profile) {
        return Json.write(node(profile));
    }

    public static String write(MissionCard card) {
        return Json.write(node(card));
    }

    public static String write(ProfileCard card) {
        return Json.write(node(card));
    }

    public static String write(MatchReasons reasons) {
        return Json.write(node(reasons));
    }

    public static Mission mission(String json) {
        return read(json, "Mission", StoredJson::mission);
    }

    public static Profile profile(String json) {
        return read(json, "Profile", StoredJson::profile);
    }

    public static MissionCard missionCard(String json) {
        return read(json, "MissionCard", StoredJson::missionCard);
    }

    public static ProfileCard profileCard(String json) {
        return read(json, "ProfileCard", StoredJson::profileCard);
    }

    public static MatchReasons matchReasons(String json) {
        return read(json, "MatchReasons", StoredJson::matchReasons);
    }

    private static <T> T read(String json, String type, Function<JsonNode, T> decode) {
        try {
            JsonNode node = Json.parse(json);
            if (!node.isObject()) {
                throw new IllegalStateException("cannot read stored JSON as " + type + ": not an object");
            }
            return decode.apply(node);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("cannot read stored JSON as " + type, e);
        }
    }

    // --- writing: one member per component, in component order, nulls left out ---

    static ObjectNode node(Mission m) {
        ObjectNode n = Json.object();
        text(n, "id", m.id());
        text(n, "title", m.title());
        text(n, "description", m.description());
        n.set("organization", node(m.organization()));
        texts(n, "skills", m.skills());
        texts(n, "causes", m.causes());
        if (m.location() != null) {
            n.set("location", node(m.location()));
        }
        n.put("workMode", m.workMode().name());
        n.put("budget", m.budget());
        n.put("estimatedDays", m.estimatedDays());
        n.put("proBono", m.proBono());
        date(n, "startDate", m.startDate());
        date(n, "applicationDeadline", m.applicationDeadline());
        text(n, "locale", m.locale());
        return n;
    }

    static ObjectNode node(Profile p) {
        ObjectNode n = Json.object();
        text(n, "id", p.id());
        text(n, "email", p.email());
        text(n, "firstName", p.firstName());
        text(n, "lastName", p.lastName());
        text(n, "headline", p.headline());
        text(n, "bio", p.bio());
        text(n, "portfolioUrl", p.portfolioUrl());
        texts(n, "skills", p.skills());
        texts(n, "causes", p.causes());
        n.set("location", node(p.location()));
        n.put("mobility", p.mobility().name());
        n.put("remote", p.remote());
        number(n, "dailyRate", p.dailyRate());
        number(n, "minimumRate", p.minimumRate());
        n.put("proBono", p.proBono());
        if (p.availability() != null) {
            ObjectNode availability = n.putObject("availability");
            number(availability, "daysPerMonth", p.availability().daysPerMonth());
            date(availability, "from", p.availability().from());
        }
        texts(n, "languages", p.languages());
        text(n, "locale", p.locale());
        n.put("consent", p.consent());
        n.put("proposalFrequency", p.proposalFrequency().name());
        return n;
    }

    static ObjectNode node(MissionCard c) {
        ObjectNode n = Json.object();
        text(n, "id", c.id());
        text(n, "title", c.title());
        texts(n, "skills", c.skills());
        texts(n, "skillIds", c.skillIds());
        texts(n, "causes", c.causes());
        texts(n, "causeIds", c.causeIds());
        text(n, "department", c.department());
        if (c.workMode() != null) {
            n.put("workMode", c.workMode().name());
        }
        n.put("dailyPay", c.dailyPay());
        n.put("proBono", c.proBono());
        date(n, "startDate", c.startDate());
        date(n, "applicationDeadline", c.applicationDeadline());
        return n;
    }

    static ObjectNode node(ProfileCard c) {
        ObjectNode n = Json.object();
        text(n, "id", c.id());
        texts(n, "skillIds", c.skillIds());
        texts(n, "causeIds", c.causeIds());
        text(n, "department", c.department());
        if (c.mobility() != null) {
            n.put("mobility", c.mobility().name());
        }
        n.put("remote", c.remote());
        number(n, "minimumRate", c.minimumRate());
        n.put("proBono", c.proBono());
        date(n, "availableFrom", c.availableFrom());
        text(n, "locale", c.locale());
        n.put("proposalFrequency", c.proposalFrequency().name());
        return n;
    }

    static ObjectNode node(MatchReasons r) {
        ObjectNode n = Json.object();
        texts(n, "sharedSkills", r.sharedSkills());
        n.put("missionSkillCount", r.missionSkillCount());
        texts(n, "sharedCauses", r.sharedCauses());
        if (r.place() != null) {
            n.put("place", r.place().name());
        }
        text(n, "department", r.department());
        n.put("dailyPay", r.dailyPay());
        number(n, "minimumRate", r.minimumRate());
        n.put("proBono", r.proBono());
        var related = n.putArray("related");
        r.related().forEach(x -> related.addObject().put("skill", x.skill()).put("broader", x.broader()));
        return n;
    }

    private static ObjectNode node(Organization o) {
        ObjectNode n = Json.object();
        text(n, "name", o.name());
        n.put("type", o.type().name());
        text(n, "email", o.email());
        text(n, "website", o.website());
        return n;
    }

    private static ObjectNode node(Place p) {
        ObjectNode n = Json.object();
        text(n, "department", p.department());
        text(n, "postalCode", p.postalCode());
        return n;
    }

    private static void text(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }

    private static void number(ObjectNode n, String name, Integer value) {
        if (value != null) {
            n.put(name, value.intValue());
        }
    }

    private static void date(ObjectNode n, String name, LocalDate value) {
        if (value != null) {
            n.put(name, value.toString());
        }
    }

    private static void texts(ObjectNode n, String name, List<String> values) {
        if (values != null) {
            ArrayNode array = n.putArray(name);
            values.forEach(array::add);
        }
    }

    // --- reading: unknown members ignored, missing ones null (or false, or 0) ---

    static Mission mission(JsonNode n) {
        return new Mission(text(n, "id"), text(n, "title"), text(n, "description"),
                organization(n.get("organization")), texts(n, "skills"), texts(n, "causes"), place(n.get("location")),
                constant(WorkMode.class, n, "workMode"), count(n, "budget"), count(n, "estimatedDays"),
                flag(n, "proBono"), date(n, "startDate"), date(n, "applicationDeadline"), text(n, "locale"));
    }

    static Profile profile(JsonNode n) {
        JsonNode availability = present(n.get("availability"));
        return new Profile(text(n, "id"), text(n, "email"), text(n, "firstName"), text(n, "lastName"),
                text(n, "headline"), text(n, "bio"), text(n, "portfolioUrl"), texts(n, "skills"), texts(n, "causes"), place(n.get("location")),
                constant(Mobility.class, n, "mobility"), flag(n, "remote"), number(n, "dailyRate"),
                number(n, "minimumRate"), flag(n, "proBono"),
                availability == null ? null : new Availability(number(availability, "daysPerMonth"), date(availability, "from")),
                texts(n, "languages"), text(n, "locale"), flag(n, "consent"),
                constant(ProposalFrequency.class, n, "proposalFrequency"));
    }

    static MissionCard missionCard(JsonNode n) {
        return new MissionCard(text(n, "id"), text(n, "title"), texts(n, "skills"), texts(n, "skillIds"),
                texts(n, "causes"), texts(n, "causeIds"), text(n, "department"), constant(WorkMode.class, n, "workMode"),
                count(n, "dailyPay"), flag(n, "proBono"), date(n, "startDate"), date(n, "applicationDeadline"));
    }

    static ProfileCard profileCard(JsonNode n) {
        return new ProfileCard(text(n, "id"), texts(n, "skillIds"), texts(n, "causeIds"), text(n, "department"),
                constant(Mobility.class, n, "mobility"), flag(n, "remote"), number(n, "minimumRate"), flag(n, "proBono"),
                date(n, "availableFrom"), text(n, "locale"), constant(ProposalFrequency.class, n, "proposalFrequency"));
    }

    static MatchReasons matchReasons(JsonNode n) {
        return new MatchReasons(texts(n, "sharedSkills"), count(n, "missionSkillCount"), texts(n, "sharedCauses"),
                constant(PlaceFit.class, n, "place"), text(n, "department"), count(n, "dailyPay"),
                number(n, "minimumRate"), flag(n, "proBono"), related(n.get("related")));
    }

    private static List<MatchReasons.Related> related(JsonNode array) {
        List<MatchReasons.Related> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(x -> out.add(new MatchReasons.Related(text(x, "skill"), text(x, "broader"))));
        }
        return out;
    }

    private static Organization organization(JsonNode node) {
        JsonNode n = present(node);
        return n == null ? null : new Organization(text(n, "name"), constant(OrganizationType.class, n, "type"),
                text(n, "email"), text(n, "website"));
    }

    private static Place place(JsonNode node) {
        JsonNode n = present(node);
        return n == null ? null : new Place(text(n, "department"), text(n, "postalCode"));
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static String text(JsonNode n, String name) {
        JsonNode value = present(n.get(name));
        return value == null ? null : value.asText();
    }

    private static Integer number(JsonNode n, String name) {
        JsonNode value = present(n.get(name));
        if (value == null) {
            return null;
        }
        if (value.isNumber() || (value.isTextual() && !value.asText().isBlank())) {
            return value.isNumber() ? value.intValue() : Integer.valueOf(value.asText().strip());
        }
        throw new IllegalArgumentException(name + " is not a number");
    }

    private static int count(JsonNode n, String name) {
        Integer value = number(n, name);
        return value == null ? 0 : value;
    }

    private static boolean flag(JsonNode n, String name) {
        JsonNode value = present(n.get(name));
        return value != null && (value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText()));
    }

    private static LocalDate date(JsonNode n, String name) {
        String value = text(n, name);
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, JsonNode n, String name) {
        String value = text(n, name);
        return value == null || value.isEmpty() ? null : Enum.valueOf(type, value);
    }

    private static List<String> texts(JsonNode n, String name) {
        JsonNode value = present(n.get(name));
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(name + " is not a list");
        }
        List<String> items = new ArrayList<>(value.size());
        value.forEach(item -> items.add(item.isNull() ? null : item.asText()));
        return items;
    }
}

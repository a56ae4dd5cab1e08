package org.socialdeclik.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.domain.Availability;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Mobility;
import org.socialdeclik.shared.domain.Organization;
import org.socialdeclik.shared.domain.OrganizationType;
import org.socialdeclik.shared.domain.Place;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.PlaceFit;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.testing.FormerMapper;

/**
 * The table already holds documents that Jackson's object mapper wrote ({@link FormerMapper}). The hand-written form must be the same text, and read back what either one wrote.
 */
class StoredJsonTest {
    static final ObjectMapper MAPPER = FormerMapper.MAPPER;

    static final Mission ONSITE = new Mission("m-1", "Refonte du site « Solidarité » \"2027\"", "Une association\nà Brest",
            new Organization("Les Amis", OrganizationType.ASSOCIATION, "contact@amis.example", "https://amis.example"),
            List.of("WordPress", "accessibilité"), List.of("environnement"), new Place("29", "29200"),
            WorkMode.HYBRID, 3000, 6, false, LocalDate.of(2027, 1, 15), LocalDate.of(2026, 12, 31), "fr");
    static final Mission REMOTE = new Mission("m-2", "Pro bono", null,
            new Organization("Coop", OrganizationType.SCIC, "coop@example.org", null),
            List.of("SEO"), null, null, WorkMode.REMOTE, 0, 2, true, LocalDate.of(2027, 2, 1), null, null);
    static final Profile FULL = new Profile("p-1", "ana@example.org", "Ana", "Le Gall", "Développeuse", "Bio\u00e9\u2028",
            "https://ana.example/portfolio", List.of("WordPress"), List.of("environnement", "culture"), new Place("29", "29200"), Mobility.REGION, true,
            450, 300, true, new Availability(8, LocalDate.of(2027, 1, 4)), List.of("fr", "en"), "en", true);
    static final Profile MINIMAL = new Profile("p-2", "bob@example.org", "Bob", "Martin", null, null, null,
            List.of("SEO"), null, new Place("75", null), Mobility.DEPARTMENT, false,
            null, null, false, new Availability(null, null), null, null, true);
    static final Profile NO_AVAILABILITY = new Profile("p-3", "cy@example.org", "Cy", "Roux", null, null, null,
            List.of("React"), List.of(), new Place("2A", null), Mobility.COUNTRY, true,
            null, 200, false, null, List.of(), "fr", true);

    @Test
    void missions_are_written_as_the_mapper_wrote_them_and_read_back() throws Exception {
        for (Mission mission : List.of(ONSITE, REMOTE)) {
            String written = StoredJson.write(mission);
            assertThat(written).isEqualTo(MAPPER.writeValueAsString(mission));
            assertThat(StoredJson.mission(written)).isEqualTo(mission);
            assertThat(MAPPER.readValue(written, Mission.class)).isEqualTo(mission);
        }
    }

    @Test
    void profiles_are_written_as_the_mapper_wrote_them_and_read_back() throws Exception {
        for (Profile profile : List.of(FULL, MINIMAL, NO_AVAILABILITY)) {
            String written = StoredJson.write(profile);
            assertThat(written).isEqualTo(MAPPER.writeValueAsString(profile));
            assertThat(StoredJson.profile(written)).isEqualTo(profile);
        }
    }

    @Test
    void cards_and_reasons_are_written_as_the_mapper_wrote_them_and_read_back() throws Exception {
        for (Mission mission : List.of(ONSITE, REMOTE)) {
            MissionCard card = MissionCard.of(mission);
            assertThat(StoredJson.write(card)).isEqualTo(MAPPER.writeValueAsString(card));
            assertThat(StoredJson.missionCard(StoredJson.write(card))).isEqualTo(card);
        }
        for (Profile profile : List.of(FULL, MINIMAL, NO_AVAILABILITY)) {
            ProfileCard card = ProfileCard.of(profile);
            assertThat(StoredJson.write(card)).isEqualTo(MAPPER.writeValueAsString(card));
            assertThat(StoredJson.profileCard(StoredJson.write(card))).isEqualTo(card);
        }
        for (MatchReasons reasons : List.of(
                new MatchReasons(List.of("WordPress"), 2, List.of("environnement"), PlaceFit.SAME_REGION, "29", 500, 300, false),
                new MatchReasons(List.of("SEO"), 1, List.of(), PlaceFit.REMOTE, null, 0, null, true),
                new MatchReasons(List.of(), 1, List.of(), PlaceFit.REMOTE, null, 400, null, false,
                        List.of(new MatchReasons.Related("drupal", "cms"))))) {
            assertThat(StoredJson.write(reasons)).isEqualTo(MAPPER.writeValueAsString(reasons));
            assertThat(StoredJson.matchReasons(StoredJson.write(reasons))).isEqualTo(reasons);
        }
    }

    @Test
    void every_component_of_every_stored_record_is_written() throws Exception {
        // the samples give every component a value: a component added to a record and not to
        // StoredJson is missing from these lists, whatever value the samples give it
        JsonNode mission = Json.parse(StoredJson.write(ONSITE));
        assertThat(names(mission)).containsExactlyElementsOf(components(Mission.class));
        assertThat(names(mission.get("organization"))).containsExactlyElementsOf(components(Organization.class));
        assertThat(names(mission.get("location"))).containsExactlyElementsOf(components(Place.class));
        JsonNode profile = Json.parse(StoredJson.write(FULL));
        assertThat(names(profile)).containsExactlyElementsOf(components(Profile.class));
        assertThat(names(profile.get("availability"))).containsExactlyElementsOf(components(Availability.class));
        assertThat(names(Json.parse(StoredJson.write(MissionCard.of(ONSITE))))).containsExactlyElementsOf(components(MissionCard.class));
        assertThat(names(Json.parse(StoredJson.write(ProfileCard.of(FULL))))).containsExactlyElementsOf(components(ProfileCard.class));
        assertThat(names(Json.parse(StoredJson.write(new MatchReasons(List.of("a"), 1, List.of("b"), PlaceFit.COUNTRY, "29", 1, 1, false,
                List.of(new MatchReasons.Related("drupal", "cms")))))))
                .containsExactlyElementsOf(components(MatchReasons.class));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void reading_ignores_unknown_members_and_takes_missing_ones_as_absent() throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(NO_AVAILABILITY));
        doc.put("addedLater", "ignored").putObject("nested").put("x", 1);
        doc.remove("remote");
        doc.remove("languages");
        doc.putNull("headline");
        Profile read = StoredJson.profile(MAPPER.writeValueAsString(doc));
        assertThat(read).isEqualTo(MAPPER.readValue(MAPPER.writeValueAsString(doc), Profile.class));
        assertThat(read.remote()).isFalse();
        assertThat(read.languages()).isEmpty();
    }

    @Test
    void a_document_that_cannot_be_read_names_its_type() {
        assertThatThrownBy(() -> StoredJson.mission("{\"id\": "))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Mission");
        assertThatThrownBy(() -> StoredJson.profile("[1, 2]"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Profile");
        assertThatThrownBy(() -> StoredJson.missionCard("{\"id\":\"c\",\"workMode\":\"TELEPORT\",\"skills\":[],\"skillIds\":[]}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MissionCard");
    }
}

package org.socialdeclik.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialdeclik.shared.domain.FieldError;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProposalFrequency;
import org.socialdeclik.shared.testing.Bodies;

class RequestsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    static final Messages FR = Messages.forLocale("fr");

    private static List<String> badFieldsOfMission(Consumer<ObjectNode> change) {
        ObjectNode body = Bodies.mission();
        change.accept(body);
        try {
            Requests.mission("m", body, FR, CLOCK);
            return List.of();
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    private static List<String> badFieldsOfProfile(Consumer<ObjectNode> change) {
        ObjectNode body = Bodies.profile("ana@example.org");
        change.accept(body);
        try {
            Requests.profile("p", null, body, FR, CLOCK);
            return List.of();
        } catch (ApiException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void the_contract_example_mission_is_valid_and_its_place_resolved() {
        Mission mission = Requests.mission("m", Bodies.mission(), FR, CLOCK);

        assertThat(mission.location().department()).isEqualTo("35");
        assertThat(mission.dailyPay()).isEqualTo(500);
        assertThat(mission.skills()).containsExactly("WordPress", "UX design");
    }

    @Test
    void every_bad_field_of_a_mission_is_named_at_once() {
        List<String> fields = badFieldsOfMission(b -> {
            b.put("title", "");
            b.putArray("skills").add("WordPress").add(42);
            b.put("workMode", "ONSITE");
            b.remove("location");
            b.put("budget", 0);
            b.put("color", "red");
            ((ObjectNode) b.get("organization")).put("email", "nope");
        });

        assertThat(fields).containsExactlyInAnyOrder("title", "skills[1]", "location", "budget", "color", "organization.email");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a remote mission needs no place                   | workMode=REMOTE;location=-                  |
            an on-site mission needs a place                  | workMode=ONSITE;location=-                  | location
            budget 0 is fine for pro bono                     | budget=0;proBono=true                        |
            budget 0 is refused when paid                     | budget=0;proBono=false                       | budget
            a start date today is accepted                    | startDate=2026-11-27;applicationDeadline=-  |
            a start date yesterday is refused                 | startDate=2026-11-26;applicationDeadline=-  | startDate
            a deadline after the start is refused             | startDate=2027-01-10;applicationDeadline=2027-01-11 | applicationDeadline
            a deadline on the start day is accepted           | startDate=2027-01-10;applicationDeadline=2027-01-10 |
            an impossible date is refused                     | startDate=2027-02-30                         | startDate
            zero days is refused                              | estimatedDays=0                              | estimatedDays
            a fractional budget is refused                    | budget=12.5                                  | budget
            an unknown work mode is refused                   | workMode=MOON                                | workMode
            an unknown locale is refused                      | locale=de                                    | locale
            """)
    void mission_rules_at_their_boundaries(String name, String changes, String expectedField) {
        List<String> fields = badFieldsOfMission(body -> apply(body, changes));

        if (expectedField == null) {
            assertThat(fields).isEmpty();
        } else {
            assertThat(fields).containsExactly(expectedField);
        }
    }

    private static void apply(ObjectNode body, String changes) {
        for (String change : changes.split(";")) {
            String[] kv = change.split("=", 2);
            String value = kv[1];
            if (value.equals("-")) {
                body.remove(kv[0]);
            } else if (value.equals("true") || value.equals("false")) {
                body.put(kv[0], Boolean.parseBoolean(value));
            } else if (value.matches("-?\\d+")) {
                body.put(kv[0], Integer.parseInt(value));
            } else if (value.matches("-?\\d+\\.\\d+")) {
                body.put(kv[0], Double.parseDouble(value));
            } else {
                body.put(kv[0], value);
            }
        }
    }

    @Test
    void a_location_with_both_a_department_and_a_postal_code_is_refused() {
        assertThat(badFieldsOfMission(b -> b.putObject("location").put("department", "35").put("postalCode", "35000")))
                .containsExactly("location");
    }

    @ParameterizedTest
    @CsvSource({"2A,2A", "2a,2A", "974,974", "01,01"})
    void department_codes_are_understood(String typed, String code) {
        ObjectNode body = Bodies.mission();
        body.put("workMode", "ONSITE").putObject("location").put("department", typed);

        assertThat(Requests.mission("m", body, FR, CLOCK).location().department()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"20000,2A", "20200,2B", "97400,974", "35000,35"})
    void a_postal_code_stands_for_its_department(String postalCode, String department) {
        ObjectNode body = Bodies.profile("ana@example.org");
        body.putObject("location").put("postalCode", postalCode);

        Profile profile = Requests.profile("p", null, body, FR, CLOCK);

        assertThat(profile.location().department()).isEqualTo(department);
        assertThat(profile.location().postalCode()).isEqualTo(postalCode);
    }

    @Test
    void profile_rules_name_their_fields() {
        assertThat(badFieldsOfProfile(b -> b.put("consent", false))).containsExactly("consent");
        assertThat(badFieldsOfProfile(b -> b.put("minimumRate", 500))).containsExactly("minimumRate");
        assertThat(badFieldsOfProfile(b -> b.putObject("location").put("postalCode", "99999"))).containsExactly("location.postalCode");
        assertThat(badFieldsOfProfile(b -> b.putArray("languages").add("français"))).containsExactly("languages[0]");
        assertThat(badFieldsOfProfile(b -> b.putArray("skills"))).containsExactly("skills");
        assertThat(badFieldsOfProfile(b -> b.putArray("skills").add("WordPress").add("wordpress"))).containsExactly("skills[1]");
        assertThat(badFieldsOfProfile(b -> b.put("firstName", "Ana\r\nBcc: x@y.z"))).containsExactly("firstName");
        assertThat(badFieldsOfProfile(b -> b.put("firstName", "A".repeat(81)))).containsExactly("firstName");
    }

    @Test
    void an_update_refuses_the_email_field() {
        ObjectNode body = Bodies.profile("ana@example.org");

        assertThatThrownBy(() -> Requests.profile("p", "ana@example.org", body, FR, CLOCK))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("email"));
    }

    @Test
    void messages_follow_the_requests_language() {
        ObjectNode body = Bodies.mission();
        body.put("title", "");

        assertThatThrownBy(() -> Requests.mission("m", body, Messages.forLocale("en"), CLOCK))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errors().get(0).message()).isEqualTo("This field is required."));
    }

    @Test
    void how_often_is_immediate_unless_weekly_is_chosen_and_anything_else_is_named() {
        assertThat(Requests.profile("p", null, Bodies.profile("ana@example.org"), FR, CLOCK).proposalFrequency())
                .isEqualTo(ProposalFrequency.IMMEDIATE);
        ObjectNode weekly = Bodies.profile("ana@example.org").put("proposalFrequency", "WEEKLY");
        assertThat(Requests.profile("p", null, weekly, FR, CLOCK).weekly()).isTrue();

        assertThat(badFieldsOfProfile(b -> b.put("proposalFrequency", "DAILY"))).containsExactly("proposalFrequency");
        assertThat(badFieldsOfProfile(b -> b.put("proposalFrequency", "weekly"))).containsExactly("proposalFrequency");
        assertThat(badFieldsOfProfile(b -> b.put("proposalFrequency", 7))).containsExactly("proposalFrequency");
    }
}

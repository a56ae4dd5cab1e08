package org.socialdeclik.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.app.AvailabilityService;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.ProfileAvailability;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.Tokens;

/**
 * "Still available?" (issue 11, §1): the answers through {@code POST /profiles/availability} as
 * the profiles function serves them, and the availability schedule on a clock moved through the
 * weeks, against the emulator.
 */
class AvailabilityIT {
    static Emulator stack;
    static ProfilesHandler handler;
    static ProfileAvailability calendar;

    @BeforeAll
    static void start() {
        stack = Emulator.start();
        handler = new ProfilesHandler(stack.env());
        calendar = new Wiring(Env.of(stack.env())).availability();
    }

    AvailabilityService at(Instant now) {
        return new AvailabilityService(calendar, stack.store().profiles(), null, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(60));
    }

    /** A verified profile through the handler: its id. */
    static String activeProfile() {
        APIGatewayV2HTTPEvent create = EventLoader.loadApiGatewayHttpEvent("events/profiles/create.json");
        String email = "avail-" + UUID.randomUUID() + "@example.org";
        create.setBody(Bodies.profile(email).toString());
        assertThat(handler.handleRequest(create, null).getStatusCode()).isEqualTo(202);
        StoredProfile pending = stack.items("PROFILE").stream().filter(i -> i.get("doc").s().contains(email)).findFirst()
                .map(i -> stack.store().profiles().findProfile(i.get("pk").s().substring("PROFILE#".length())).orElseThrow())
                .orElseThrow();
        APIGatewayV2HTTPEvent verify = EventLoader.loadApiGatewayHttpEvent("events/profiles/verify.json");
        verify.setBody("{\"token\":\"" + stack.tokens().mint(Purpose.VERIFY, pending.profile().id(), pending.verifyNonce()) + "\"}");
        assertThat(handler.handleRequest(verify, null).getStatusCode()).isEqualTo(200);
        return pending.profile().id();
    }

    static APIGatewayV2HTTPResponse answer(String body, String bearer) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/profiles/availability.json");
        event.setBody(body);
        if (bearer != null) {
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.put("authorization", "Bearer " + bearer);
            event.setHeaders(headers);
        }
        return handler.handleRequest(event, null);
    }

    static String link(String profileId) {
        return stack.tokens().mint(Purpose.AVAILABILITY, profileId);
    }

    static JsonNode me(String profileId) throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/profiles/me-get.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("authorization", "Bearer " + stack.tokens().mint(Purpose.ACCESS, profileId));
        event.setHeaders(headers);
        return Json.parse(handler.handleRequest(event, null).getBody());
    }

    static boolean indexed(String profileId) {
        return stack.store().profiles().activeProfilesWithSkill("wordpress").stream().anyMatch(c -> c.id().equals(profileId));
    }

    static JsonNode errorsOf(APIGatewayV2HTTPResponse response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        return Json.parse(response.getBody()).get("errors");
    }

    @ParameterizedTest
    @Event(value = "events/availability/hourly.json", type = ScheduledEvent.class)
    void as_the_scheduler_calls_it_the_sample_event_runs_what_is_due(ScheduledEvent event) {
        assertThat(new AvailabilityHandler(stack.env()).handleRequest(event, null))
                .matches("due \\d+, checks \\d+, paused \\d+, resumed \\d+");
    }

    @Test
    void a_pause_from_the_emailed_link_lasts_four_weeks_by_default_and_takes_the_profile_out_of_the_index() throws Exception {
        String id = activeProfile();
        assertThat(me(id).get("availabilityStatus").asText()).isEqualTo("AVAILABLE");
        assertThat(me(id).has("pausedUntil")).isFalse();

        APIGatewayV2HTTPResponse paused = answer("{\"token\":\"" + link(id) + "\",\"answer\":\"PAUSE\"}", null);

        assertThat(paused.getStatusCode()).as(paused.getBody()).isEqualTo(200);
        LocalDate fourWeeks = LocalDate.now(Clock.system(java.time.ZoneId.of("Europe/Paris"))).plusWeeks(4);
        assertThat(Json.parse(paused.getBody()).get("availabilityStatus").asText()).isEqualTo("PAUSED");
        assertThat(Json.parse(paused.getBody()).get("pausedUntil").asText()).isEqualTo(fourWeeks.toString());
        assertThat(me(id).get("availabilityStatus").asText()).isEqualTo("PAUSED");
        assertThat(me(id).get("pausedUntil").asText()).isEqualTo(fourWeeks.toString());
        assertThat(indexed(id)).isFalse();
        // the pause's end is on the calendar, at 08:00 in Paris that day
        assertThat(calendar.due(AvailabilityService.resumesAt(fourWeeks), 0))
                .contains(new ProfileAvailability.Due(ProfileAvailability.Step.RESUME, id, AvailabilityService.resumesAt(fourWeeks)));
    }

    @Test
    void the_owner_resumes_from_me_with_the_access_token_and_is_matched_again() throws Exception {
        String id = activeProfile();
        assertThat(answer("{\"token\":\"" + link(id) + "\",\"answer\":\"PAUSE\",\"until\":\"" + LocalDate.now().plusMonths(3) + "\"}", null)
                .getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse resumed = answer("{\"answer\":\"AVAILABLE\"}", stack.tokens().mint(Purpose.ACCESS, id));

        assertThat(resumed.getStatusCode()).as(resumed.getBody()).isEqualTo(200);
        assertThat(Json.parse(resumed.getBody()).get("availabilityStatus").asText()).isEqualTo("AVAILABLE");
        assertThat(Json.parse(resumed.getBody()).has("pausedUntil")).isFalse();
        assertThat(indexed(id)).isTrue();
        StoredProfile stored = stack.store().profiles().findProfile(id).orElseThrow();
        assertThat(stored.matchable()).isTrue();
        // matched again like an edited profile: its matching is on the work ledger until it has run
        assertThat(stack.items("TODO")).anyMatch(i -> i.get("ref").s().equals(id) && i.get("kind").s().equals("PROFILE"));
    }

    @Test
    void every_bad_field_is_a_400_naming_it() throws Exception {
        String id = activeProfile();
        String token = link(id);
        assertThat(errorsOf(answer("{\"token\":\"" + token + "\",\"answer\":\"MAYBE\"}", null)).findValuesAsText("field"))
                .containsExactly("answer");
        assertThat(errorsOf(answer("{\"token\":\"" + token + "\"}", null)).findValuesAsText("field")).containsExactly("answer");
        assertThat(errorsOf(answer("{\"token\":\"" + token + "\",\"answer\":\"PAUSE\",\"until\":\"" + LocalDate.now().minusDays(1) + "\"}", null))
                .findValuesAsText("field")).containsExactly("until");
        assertThat(errorsOf(answer("{\"token\":\"" + token + "\",\"answer\":\"PAUSE\",\"until\":\"" + LocalDate.now().plusYears(1).plusDays(2) + "\"}", null))
                .findValuesAsText("field")).containsExactly("until");
        assertThat(errorsOf(answer("{\"token\":\"" + token + "\",\"answer\":\"PAUSE\",\"until\":\"01/03/2027\"}", null))
                .findValuesAsText("field")).containsExactly("until");
        assertThat(errorsOf(answer("{\"token\":\"" + token + "\",\"answer\":\"AVAILABLE\",\"until\":\"" + LocalDate.now().plusDays(10) + "\"}", null))
                .findValuesAsText("field")).containsExactly("until");
        assertThat(errorsOf(answer("{\"token\":\"" + token + "\",\"answer\":\"PAUSE\",\"note\":\"x\"}", null))
                .findValuesAsText("field")).containsExactly("note");
        // nothing changed
        assertThat(stack.store().profiles().findProfile(id).orElseThrow().paused()).isFalse();
    }

    @Test
    void a_bad_expired_or_other_purpose_link_is_refused_as_other_links_are() {
        String id = activeProfile();
        Tokens past = stack.tokens(Clock.fixed(Instant.now().minus(Duration.ofDays(61)), ZoneOffset.UTC));
        assertThat(answer("{\"token\":\"" + past.mint(Purpose.AVAILABILITY, id) + "\",\"answer\":\"PAUSE\"}", null).getStatusCode())
                .isEqualTo(401);
        assertThat(answer("{\"token\":\"tampered." + link(id) + "\",\"answer\":\"PAUSE\"}", null).getStatusCode()).isEqualTo(401);
        assertThat(answer("{\"token\":\"" + stack.tokens().mint(Purpose.UNSUBSCRIBE, id) + "\",\"answer\":\"PAUSE\"}", null).getStatusCode())
                .isEqualTo(403);
        // from /me, the access token is the bearer: an availability token is not one
        assertThat(answer("{\"answer\":\"PAUSE\"}", link(id)).getStatusCode()).isEqualTo(403);
        assertThat(answer("{\"answer\":\"PAUSE\"}", null).getStatusCode()).isEqualTo(401);
        assertThat(stack.store().profiles().findProfile(id).orElseThrow().paused()).isFalse();
    }

    @Test
    void sixty_quiet_days_bring_one_check_and_fourteen_more_without_answer_one_pause() {
        String id = activeProfile();
        Instant verified = stack.store().profiles().findProfile(id).orElseThrow().updatedAt();

        at(verified.plus(Duration.ofDays(59))).run();
        assertThat(stack.items("OUTBOX")).noneMatch(i -> i.get("pk").s().startsWith("OUTBOX#AVAILCHECK#" + id));
        at(verified.plus(Duration.ofDays(60)).plusSeconds(60)).run();
        at(verified.plus(Duration.ofDays(61))).run();
        assertThat(stack.items("OUTBOX")).filteredOn(i -> i.get("pk").s().startsWith("OUTBOX#AVAILCHECK#" + id)).hasSize(1)
                .allMatch(i -> i.get("kind").s().equals(OutboxEntry.Kind.AVAILABILITY_CHECK.name()));

        at(verified.plus(Duration.ofDays(73))).run();
        assertThat(stack.store().profiles().findProfile(id).orElseThrow().paused()).isFalse();
        at(verified.plus(Duration.ofDays(74)).plusSeconds(120)).run();
        at(verified.plus(Duration.ofDays(80))).run();

        StoredProfile paused = stack.store().profiles().findProfile(id).orElseThrow();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.pause().until()).isNull();
        assertThat(indexed(id)).isFalse();
        assertThat(stack.items("OUTBOX")).filteredOn(i -> i.get("pk").s().startsWith("OUTBOX#AVAILPAUSED#" + id)).hasSize(1);
        // paused until its owner resumes: nothing more is asked
        at(verified.plus(Duration.ofDays(200))).run();
        assertThat(stack.items("OUTBOX")).filteredOn(i -> i.get("pk").s().startsWith("OUTBOX#AVAIL") && i.get("pk").s().contains(id)).hasSize(2);
    }

    @Test
    void a_sign_of_life_moves_the_check_a_period_after_it() {
        String id = activeProfile();
        Instant verified = stack.store().profiles().findProfile(id).orElseThrow().updatedAt();
        calendar.seen(id, verified.plus(Duration.ofDays(30))); // an interest, say

        at(verified.plus(Duration.ofDays(61))).run();
        assertThat(stack.items("OUTBOX")).noneMatch(i -> i.get("pk").s().startsWith("OUTBOX#AVAILCHECK#" + id));
        at(verified.plus(Duration.ofDays(90)).plusSeconds(60)).run();
        assertThat(stack.items("OUTBOX")).filteredOn(i -> i.get("pk").s().startsWith("OUTBOX#AVAILCHECK#" + id)).hasSize(1);

        // answered within the fortnight: not paused, and asked again a period after the answer
        calendar.seen(id, verified.plus(Duration.ofDays(95)));
        at(verified.plus(Duration.ofDays(105))).run();
        assertThat(stack.store().profiles().findProfile(id).orElseThrow().paused()).isFalse();
        assertThat(calendar.due(verified.plus(Duration.ofDays(155)).plusSeconds(60), 0))
                .anyMatch(d -> d.profileId().equals(id) && d.step() == ProfileAvailability.Step.CHECK);
    }

    @Test
    void a_dated_pause_ends_by_itself_that_morning_and_the_profile_is_matched_again() throws Exception {
        String id = activeProfile();
        LocalDate until = LocalDate.now().plusDays(10);
        assertThat(answer("{\"token\":\"" + link(id) + "\",\"answer\":\"PAUSE\",\"until\":\"" + until + "\"}", null).getStatusCode())
                .isEqualTo(200);

        assertThat(at(AvailabilityService.resumesAt(until).minusSeconds(60)).run().resumed()).isZero();
        assertThat(stack.store().profiles().findProfile(id).orElseThrow().paused()).isTrue();
        at(AvailabilityService.resumesAt(until).plusSeconds(60)).run();

        assertThat(stack.store().profiles().findProfile(id).orElseThrow().paused()).isFalse();
        assertThat(indexed(id)).isTrue();
        assertThat(me(id).get("availabilityStatus").asText()).isEqualTo("AVAILABLE");
    }
}

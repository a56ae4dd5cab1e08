package org.socialdeclik.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.token.Purpose;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The profiles function, built from its environment, against the emulator. */
class ProfilesHandlerIT {
    static Emulator stack;
    static ProfilesHandler handler;

    @BeforeAll
    static void start() {
        stack = Emulator.start();
        handler = new ProfilesHandler(stack.env());
    }

    private static APIGatewayV2HTTPEvent create(String email) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/profiles/create.json");
        event.setBody(Bodies.profile(email).toString());
        return event;
    }

    private static APIGatewayV2HTTPEvent verify(String token) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/profiles/verify.json");
        event.setBody("{\"token\":\"" + token + "\"}");
        return event;
    }

    private static StoredProfile profileOf(String email) {
        Map<String, AttributeValue> item = stack.items("PROFILE").stream()
                .filter(i -> i.get("doc").s().contains("\"" + email + "\""))
                .findFirst().orElseThrow();
        return stack.store().profiles().findProfile(item.get("pk").s().substring("PROFILE#".length())).orElseThrow();
    }

    private static String uniqueEmail() {
        return "ana." + UUID.randomUUID() + "@example.org";
    }

    @ParameterizedTest
    @Event(value = "events/profiles/create.json", type = APIGatewayV2HTTPEvent.class)
    void a_new_profile_waits_for_verification_and_gets_a_verify_email(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(Json.parse(response.getBody()).get("status").asText()).isEqualTo("PENDING_VERIFICATION");
        StoredProfile stored = profileOf("ana.martin@example.org");
        assertThat(stored.status()).isEqualTo(ProfileStatus.PENDING_VERIFICATION);
        assertThat(stack.store().outbox().findEmail("VERIFY#" + stored.profile().id())).isPresent();
        assertThat(stack.store().profiles().activeProfilesWithSkill("wordpress")).noneMatch(c -> c.id().equals(stored.profile().id()));
    }

    @Test
    void a_known_address_gets_the_same_answer_and_no_second_profile() {
        String email = uniqueEmail();
        APIGatewayV2HTTPResponse first = handler.handleRequest(create(email), null);
        APIGatewayV2HTTPResponse second = handler.handleRequest(create(email.toUpperCase().replace("EXAMPLE.ORG", "example.org")), null);

        assertThat(second.getStatusCode()).isEqualTo(first.getStatusCode());
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(stack.items("PROFILE").stream().filter(i -> i.get("doc").s().toLowerCase().contains(email))).hasSize(1);
    }

    @Test
    void verifying_activates_the_profile_indexes_it_and_answers_an_access_token_once() throws Exception {
        String email = uniqueEmail();
        handler.handleRequest(create(email), null);
        StoredProfile pending = profileOf(email);
        String token = stack.tokens().mint(Purpose.VERIFY, pending.profile().id(), pending.verifyNonce());

        APIGatewayV2HTTPResponse first = handler.handleRequest(verify(token), null);
        APIGatewayV2HTTPResponse again = handler.handleRequest(verify(token), null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        JsonNode answer = Json.parse(first.getBody());
        assertThat(answer.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(answer.get("profileId").asText()).isEqualTo(pending.profile().id());
        assertThat(stack.tokens().verify(answer.get("accessToken").asText(), Purpose.ACCESS).subject())
                .isEqualTo(pending.profile().id());
        assertThat(answer.get("expiresAt").asText()).isNotBlank();
        assertThat(stack.store().profiles().activeProfilesWithSkill("wordpress")).anyMatch(c -> c.id().equals(pending.profile().id()));
        assertThat(again.getStatusCode()).isEqualTo(409);
    }

    @Test
    void a_known_active_address_gets_a_sign_in_email_instead() {
        String email = uniqueEmail();
        handler.handleRequest(create(email), null);
        StoredProfile pending = profileOf(email);
        handler.handleRequest(verify(stack.tokens().mint(Purpose.VERIFY, pending.profile().id(), pending.verifyNonce())), null);

        assertThat(handler.handleRequest(create(email), null).getStatusCode()).isEqualTo(202);

        assertThat(stack.items("OUTBOX").stream().map(i -> i.get("kind").s() + ":" + i.get("refs").m().get("profileId").s()))
                .contains("SIGN_IN:" + pending.profile().id());
    }

    @ParameterizedTest
    @Event(value = "events/profiles/verify-tampered.json", type = APIGatewayV2HTTPEvent.class)
    void a_tampered_verification_token_is_unauthorised(APIGatewayV2HTTPEvent event) {
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void an_access_token_cannot_verify() {
        assertThat(handler.handleRequest(verify(stack.tokens().mint(Purpose.ACCESS, "someone")), null).getStatusCode())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @Event(value = "events/profiles/create-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void an_invalid_profile_names_every_bad_field_and_stores_nothing(APIGatewayV2HTTPEvent event) throws Exception {
        int before = stack.items().size();

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        List<String> fields = Json.parse(response.getBody()).get("errors").findValuesAsText("field");
        assertThat(fields).contains("email", "consent", "minimumRate", "location.postalCode");
        assertThat(stack.items()).hasSize(before);
    }

    // ---- signed-in journey ---------------------------------------------------------------

    /** Creates and verifies a profile through the handler; answers its access token. */
    private static String activeProfile(String email) throws Exception {
        handler.handleRequest(create(email), null);
        StoredProfile pending = profileOf(email);
        APIGatewayV2HTTPResponse verified = handler.handleRequest(
                verify(stack.tokens().mint(Purpose.VERIFY, pending.profile().id(), pending.verifyNonce())), null);
        return Json.parse(verified.getBody()).get("accessToken").asText();
    }

    private static APIGatewayV2HTTPEvent withBearer(String file, String token) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/profiles/" + file);
        Map<String, String> headers = new java.util.HashMap<>(event.getHeaders());
        headers.put("authorization", "Bearer " + token);
        event.setHeaders(headers);
        return event;
    }

    private static String idOf(String accessToken) {
        return stack.tokens().verify(accessToken, Purpose.ACCESS).subject();
    }

    @Test
    void me_shows_the_profile_with_its_skills_as_understood() throws Exception {
        String token = activeProfile(uniqueEmail());

        APIGatewayV2HTTPResponse response = handler.handleRequest(withBearer("me-get.json", token), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode me = Json.parse(response.getBody());
        assertThat(me.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(me.get("skills").toString()).contains("référencement naturel");
        JsonNode seo = me.get("skillsUnderstood").get(1);
        assertThat(seo.get("input").asText()).isEqualTo("référencement naturel");
        assertThat(seo.get("id").asText()).isEqualTo("seo");
        assertThat(seo.get("label").asText()).isNotBlank();
        assertThat(me.get("proposals").isArray()).isTrue();
    }

    @Test
    void without_a_valid_bearer_token_me_is_unauthorised() {
        APIGatewayV2HTTPEvent noHeader = EventLoader.loadApiGatewayHttpEvent("events/profiles/me-get.json");
        Map<String, String> headers = new java.util.HashMap<>(noHeader.getHeaders());
        headers.remove("authorization");
        noHeader.setHeaders(headers);

        assertThat(handler.handleRequest(noHeader, null).getStatusCode()).isEqualTo(401);
        assertThat(handler.handleRequest(withBearer("me-get.json", "garbage.token"), null).getStatusCode()).isEqualTo(401);
        assertThat(handler.handleRequest(withBearer("me-get.json", stack.tokens().mint(Purpose.UNSUBSCRIBE, "x")), null)
                .getStatusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @Event(value = "events/profiles/me-put.json", type = APIGatewayV2HTTPEvent.class)
    void an_update_replaces_the_editable_fields_and_rewrites_the_skill_index(APIGatewayV2HTTPEvent event) throws Exception {
        String token = activeProfile(uniqueEmail());
        String id = idOf(token);
        event.getHeaders().put("authorization", "Bearer " + token);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Json.parse(response.getBody()).get("headline").asText()).isEqualTo("Développeuse WordPress et accessibilité");
        assertThat(stack.store().profiles().activeProfilesWithSkill("wordpress")).noneMatch(c -> c.id().equals(id));
        assertThat(stack.store().profiles().activeProfilesWithSkill("seo")).anyMatch(c -> c.id().equals(id));
    }

    @Test
    void an_update_cannot_change_the_email() throws Exception {
        String token = activeProfile(uniqueEmail());
        APIGatewayV2HTTPEvent event = withBearer("me-put.json", token);
        event.setBody(Bodies.profile("other@example.org").toString());

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(response.getBody()).get("errors").findValuesAsText("field")).containsExactly("email");
    }

    @Test
    void erasure_removes_everything_revokes_the_token_and_frees_the_address() throws Exception {
        String email = uniqueEmail();
        String token = activeProfile(email);
        String id = idOf(token);

        APIGatewayV2HTTPResponse erased = handler.handleRequest(withBearer("me-delete.json", token), null);

        assertThat(erased.getStatusCode()).isEqualTo(204);
        assertThat(handler.handleRequest(withBearer("me-get.json", token), null).getStatusCode()).isEqualTo(401);
        assertThat(stack.items().stream().filter(i -> i.get("pk").s().equals("PROFILE#" + id)
                || i.get("sk").s().equals("PROFILE#" + id))).isEmpty();
        handler.handleRequest(create(email), null);
        assertThat(profileOf(email).profile().id()).isNotEqualTo(id);
    }

    @Test
    void a_sign_in_link_is_sent_only_to_verified_addresses_with_the_same_answer() throws Exception {
        String active = uniqueEmail();
        activeProfile(active);
        String pending = uniqueEmail();
        handler.handleRequest(create(pending), null);
        String activeId = profileOf(active).profile().id();

        APIGatewayV2HTTPEvent forActive = EventLoader.loadApiGatewayHttpEvent("events/profiles/auth-link.json");
        forActive.setBody("{\"email\":\"" + active + "\"}");
        APIGatewayV2HTTPEvent forUnknown = EventLoader.loadApiGatewayHttpEvent("events/profiles/auth-link.json");
        forUnknown.setBody("{\"email\":\"nobody-" + UUID.randomUUID() + "@example.org\"}");

        APIGatewayV2HTTPResponse a = handler.handleRequest(forActive, null);
        APIGatewayV2HTTPResponse b = handler.handleRequest(forUnknown, null);

        assertThat(a.getStatusCode()).isEqualTo(202);
        assertThat(b.getStatusCode()).isEqualTo(202);
        assertThat(a.getBody()).isEqualTo(b.getBody());
        assertThat(stack.items("OUTBOX").stream().filter(i -> i.get("kind").s().equals("SIGN_IN")
                && i.get("refs").m().get("profileId").s().equals(activeId))).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "events/profiles/unsubscribe-one-click.json", type = APIGatewayV2HTTPEvent.class)
    void one_click_unsubscribe_stops_matching_and_can_be_repeated(APIGatewayV2HTTPEvent event) throws Exception {
        String id = idOf(activeProfile(uniqueEmail()));
        event.setQueryStringParameters(Map.of("token", stack.tokens().mint(Purpose.UNSUBSCRIBE, id)));

        APIGatewayV2HTTPResponse first = handler.handleRequest(event, null);
        APIGatewayV2HTTPResponse again = handler.handleRequest(event, null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(stack.store().profiles().findProfile(id).orElseThrow().unsubscribed()).isTrue();
        assertThat(stack.store().profiles().activeProfilesWithSkill("wordpress")).noneMatch(c -> c.id().equals(id));
    }

    @ParameterizedTest
    @Event(value = "events/profiles/unsubscribe.json", type = APIGatewayV2HTTPEvent.class)
    void unsubscribe_takes_a_json_body_too_and_refuses_a_tampered_token(APIGatewayV2HTTPEvent event) throws Exception {
        String id = idOf(activeProfile(uniqueEmail()));
        event.setBody("{\"token\":\"" + stack.tokens().mint(Purpose.UNSUBSCRIBE, id) + "\"}");

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(200);
        event.setBody("{\"token\":\"abc.def\"}");
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(401);
    }

    /** PUT /profiles/me with the profile as created, plus the given fields. */
    private static APIGatewayV2HTTPEvent put(String token, Map<String, Object> fields) {
        var body = Bodies.profile("unused@example.org");
        body.remove("email");
        fields.forEach((name, value) -> {
            if (value instanceof Boolean flag) {
                body.put(name, flag);
            } else {
                body.put(name, String.valueOf(value));
            }
        });
        APIGatewayV2HTTPEvent event = withBearer("me-put.json", token);
        event.setBody(body.toString());
        return event;
    }

    @Test
    void the_owner_subscribes_again_after_unsubscribing_and_comes_back_into_the_index() throws Exception {
        String token = activeProfile(uniqueEmail());
        String id = idOf(token);
        assertThat(Json.parse(handler.handleRequest(withBearer("me-get.json", token), null).getBody()).get("subscribed").asBoolean())
                .isTrue();
        stack.store().profiles().unsubscribe(id, java.time.Instant.now());
        JsonNode unsubscribed = Json.parse(handler.handleRequest(withBearer("me-get.json", token), null).getBody());
        assertThat(unsubscribed.get("subscribed").asBoolean()).isFalse();

        APIGatewayV2HTTPResponse again = handler.handleRequest(put(token, Map.of("subscribed", true)), null);

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(Json.parse(again.getBody()).get("subscribed").asBoolean()).isTrue();
        assertThat(stack.store().profiles().findProfile(id).orElseThrow().matchable()).isTrue();
        assertThat(stack.store().profiles().activeProfilesWithSkill("wordpress")).anyMatch(c -> c.id().equals(id));
        // and off again, with the same switch
        APIGatewayV2HTTPResponse off = handler.handleRequest(put(token, Map.of("subscribed", false)), null);
        assertThat(Json.parse(off.getBody()).get("subscribed").asBoolean()).isFalse();
        assertThat(stack.store().profiles().activeProfilesWithSkill("wordpress")).noneMatch(c -> c.id().equals(id));
    }

    @Test
    void subscribing_is_for_the_signed_in_owner_and_a_boolean_only() throws Exception {
        String token = activeProfile(uniqueEmail());
        APIGatewayV2HTTPEvent unsigned = put(token, Map.of("subscribed", true));
        unsigned.getHeaders().remove("authorization");
        assertThat(handler.handleRequest(unsigned, null).getStatusCode()).isEqualTo(401);
        String unsubscribeToken = stack.tokens().mint(Purpose.UNSUBSCRIBE, idOf(token));
        assertThat(handler.handleRequest(put(unsubscribeToken, Map.of("subscribed", true)), null).getStatusCode()).isEqualTo(403);

        APIGatewayV2HTTPResponse notBoolean = handler.handleRequest(put(token, Map.of("subscribed", "yes")), null);
        assertThat(notBoolean.getStatusCode()).isEqualTo(400);
        assertThat(notBoolean.getBody()).contains("\"field\":\"subscribed\"");
    }

    @Test
    void a_portfolio_must_be_https_and_is_kept() throws Exception {
        String token = activeProfile(uniqueEmail());

        APIGatewayV2HTTPResponse http = handler.handleRequest(put(token, Map.of("portfolioUrl", "http://ana.example")), null);
        APIGatewayV2HTTPResponse https = handler.handleRequest(put(token, Map.of("portfolioUrl", "https://ana.example/work")), null);

        assertThat(http.getStatusCode()).isEqualTo(400);
        assertThat(http.getBody()).contains("\"field\":\"portfolioUrl\"", "https://");
        assertThat(https.getStatusCode()).isEqualTo(200);
        JsonNode me = Json.parse(handler.handleRequest(withBearer("me-get.json", token), null).getBody());
        assertThat(me.get("portfolioUrl").asText()).isEqualTo("https://ana.example/work");
    }

    @Test
    void me_lists_past_proposals_with_their_title_and_whether_interest_was_given() throws Exception {
        String token = activeProfile(uniqueEmail());
        String id = idOf(token);
        String missionId = "m-" + UUID.randomUUID();
        stack.store().missions().submit(org.socialdeclik.shared.api.Requests.mission(missionId, Bodies.mission(),
                org.socialdeclik.shared.api.Messages.forLocale("fr"), java.time.Clock.systemUTC()),
                org.socialdeclik.shared.domain.MissionStatus.PUBLISHED, java.time.Instant.now(), List.of());
        stack.store().matches().recordProposal(missionId, id, new org.socialdeclik.shared.domain.match.MatchReasons(List.of("WordPress"), 2,
                List.of(), org.socialdeclik.shared.domain.match.PlaceFit.REMOTE, null, 500, 300, false), java.time.Instant.now());
        JsonNode before = Json.parse(handler.handleRequest(withBearer("me-get.json", token), null).getBody()).get("proposals").get(0);
        stack.store().matches().recordInterest(missionId, id, java.time.Instant.now());
        JsonNode after = Json.parse(handler.handleRequest(withBearer("me-get.json", token), null).getBody()).get("proposals").get(0);

        assertThat(before.get("title").asText()).isEqualTo("Refonte du site WordPress de l'association");
        assertThat(before.get("interested").asBoolean()).isFalse();
        assertThat(after.get("interested").asBoolean()).isTrue();
    }

    @Test
    void interest_connects_both_sides_once() throws Exception {
        String id = idOf(activeProfile(uniqueEmail()));
        String missionId = "m-" + UUID.randomUUID();
        var mission = org.socialdeclik.shared.api.Requests.mission(missionId, Bodies.mission(),
                org.socialdeclik.shared.api.Messages.forLocale("fr"), java.time.Clock.systemUTC());
        stack.store().missions().submit(mission, org.socialdeclik.shared.domain.MissionStatus.PUBLISHED, java.time.Instant.now(), List.of());
        var reasons = new org.socialdeclik.shared.domain.match.MatchReasons(List.of("WordPress"), 2, List.of(),
                org.socialdeclik.shared.domain.match.PlaceFit.REMOTE, null, 500, 300, false);
        stack.store().matches().recordProposal(missionId, id, reasons, java.time.Instant.now());
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/profiles/interest.json");
        event.setBody("{\"token\":\"" + stack.tokens().mint(Purpose.INTEREST, missionId + ":" + id) + "\"}");

        APIGatewayV2HTTPResponse first = handler.handleRequest(event, null);
        APIGatewayV2HTTPResponse repeat = handler.handleRequest(event, null);

        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(repeat.getStatusCode()).isEqualTo(202);
        assertThat(stack.store().outbox().findEmail("INTEREST_ORG#" + missionId + "#" + id)).isPresent();
        assertThat(stack.store().outbox().findEmail("INTEREST_ACK#" + missionId + "#" + id)).isPresent();
        assertThat(stack.items("INTEREST").stream().filter(i -> i.get("missionId").s().equals(missionId))).hasSize(1);
        stack.store().missions().close(missionId, null, java.time.Instant.now(), java.util.List.of());
        APIGatewayV2HTTPEvent another = EventLoader.loadApiGatewayHttpEvent("events/profiles/interest.json");
        another.setBody("{\"token\":\"" + stack.tokens().mint(Purpose.INTEREST, missionId + ":" + id) + "\"}");
        assertThat(handler.handleRequest(another, null).getStatusCode()).isEqualTo(409);
    }

    @Test
    void an_unverified_profile_expires_after_a_week_and_a_verified_one_is_kept() throws Exception {
        String pendingEmail = uniqueEmail();
        handler.handleRequest(create(pendingEmail), null);
        StoredProfile pending = profileOf(pendingEmail);
        String activeId = idOf(activeProfile(uniqueEmail()));

        var pendingItem = stack.dynamo().getItem(b -> b.tableName(stack.table())
                .key(Map.of("pk", AttributeValue.fromS("PROFILE#" + pending.profile().id()), "sk", AttributeValue.fromS("A")))).item();
        var activeItem = stack.dynamo().getItem(b -> b.tableName(stack.table())
                .key(Map.of("pk", AttributeValue.fromS("PROFILE#" + activeId), "sk", AttributeValue.fromS("A")))).item();

        long inAWeek = java.time.Instant.now().plus(java.time.Duration.ofDays(7)).getEpochSecond();
        assertThat(Long.parseLong(pendingItem.get("ttl").n())).isBetween(inAWeek - 120, inAWeek + 120);
        assertThat(activeItem).doesNotContainKey("ttl");
        assertThat(stack.items("EMAIL").stream().filter(i -> i.get("profileId").s().equals(activeId)))
                .singleElement().satisfies(i -> assertThat(i).doesNotContainKey("ttl"));
    }

    @Test
    void an_address_whose_unverified_profile_expired_can_register_again() {
        String email = uniqueEmail();
        handler.handleRequest(create(email), null);
        String expired = profileOf(email).profile().id();
        // TTL deletes the profile first; its ownership item lingers a while
        stack.dynamo().deleteItem(b -> b.tableName(stack.table())
                .key(Map.of("pk", AttributeValue.fromS("PROFILE#" + expired), "sk", AttributeValue.fromS("A"))));

        APIGatewayV2HTTPResponse again = handler.handleRequest(create(email), null);

        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(profileOf(email).profile().id()).isNotEqualTo(expired);
    }
}

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
        return stack.store().findProfile(item.get("pk").s().substring("PROFILE#".length())).orElseThrow();
    }

    private static String uniqueEmail() {
        return "ana." + UUID.randomUUID() + "@example.org";
    }

    @ParameterizedTest
    @Event(value = "events/profiles/create.json", type = APIGatewayV2HTTPEvent.class)
    void a_new_profile_waits_for_verification_and_gets_a_verify_email(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(response.getBody()).get("status").asText()).isEqualTo("PENDING_VERIFICATION");
        StoredProfile stored = profileOf("ana.martin@example.org");
        assertThat(stored.status()).isEqualTo(ProfileStatus.PENDING_VERIFICATION);
        assertThat(stack.store().findEmail("VERIFY#" + stored.profile().id())).isPresent();
        assertThat(stack.store().activeProfilesWithSkill("wordpress")).noneMatch(c -> c.id().equals(stored.profile().id()));
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
        JsonNode answer = Json.MAPPER.readTree(first.getBody());
        assertThat(answer.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(answer.get("profileId").asText()).isEqualTo(pending.profile().id());
        assertThat(stack.tokens().verify(answer.get("accessToken").asText(), Purpose.ACCESS).subject())
                .isEqualTo(pending.profile().id());
        assertThat(answer.get("expiresAt").asText()).isNotBlank();
        assertThat(stack.store().activeProfilesWithSkill("wordpress")).anyMatch(c -> c.id().equals(pending.profile().id()));
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
        List<String> fields = Json.MAPPER.readTree(response.getBody()).get("errors").findValuesAsText("field");
        assertThat(fields).contains("email", "consent", "minimumRate", "location.postalCode");
        assertThat(stack.items()).hasSize(before);
    }
}

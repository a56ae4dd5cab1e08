package org.socialdeclik.missions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.token.Purpose;

/** The missions function, built as Lambda builds it (from its environment), against the emulator. */
class MissionsHandlerIT extends OnMissionsFunction {
    private static APIGatewayV2HTTPEvent review(String missionId, String token, String decision) {
        APIGatewayV2HTTPEvent event = event("review-approve.json");
        event.setPathParameters(Map.of("id", missionId));
        event.setRawPath("/missions/" + missionId + "/review");
        event.setBody("{\"token\":\"" + token + "\",\"decision\":\"" + decision + "\"}");
        return event;
    }

    @ParameterizedTest
    @Event(value = "events/missions/submit.json", type = APIGatewayV2HTTPEvent.class)
    void a_valid_mission_is_stored_pending_review_with_its_confirmation_and_review_emails(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode answer = body(response);
        assertThat(answer.get("status").asText()).isEqualTo("PENDING_REVIEW");
        String id = answer.get("id").asText();
        assertThat(stack.store().missions().findMission(id)).get().extracting(m -> m.status()).isEqualTo(MissionStatus.PENDING_REVIEW);
        assertThat(stack.store().outbox().findEmail("CONFIRM#" + id)).isPresent();
        assertThat(stack.store().outbox().findEmail("REVIEW#" + id)).isPresent();
    }

    @Test
    void as_lambda_calls_it_the_sample_payload_in_gives_the_http_api_its_answer_out() throws Exception {
        byte[] payload;
        try (var in = MissionsHandlerIT.class.getClassLoader().getResourceAsStream("events/missions/submit.json")) {
            payload = in.readAllBytes();
        }
        var out = new java.io.ByteArrayOutputStream();

        handler.handleRequest(new java.io.ByteArrayInputStream(payload), out, null);

        JsonNode answer = Json.parse(out.toByteArray());
        assertThat(answer.get("statusCode").asInt()).isEqualTo(202);
        assertThat(answer.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(answer.at("/headers/Content-Type").asText()).startsWith("application/json");
        String id = Json.parse(answer.get("body").asText()).get("id").asText();
        assertThat(stack.store().missions().findMission(id)).get().extracting(m -> m.status()).isEqualTo(MissionStatus.PENDING_REVIEW);
    }

    @Test
    void with_moderation_off_a_mission_is_published_at_once_and_joins_the_open_index() throws Exception {
        MissionsHandler unmoderated = new MissionsHandler(stack.env("MODERATION", "off"));

        APIGatewayV2HTTPResponse response = unmoderated.handleRequest(event("submit.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        String id = body(response).get("status").asText().equals("PUBLISHED") ? body(response).get("id").asText() : null;
        assertThat(id).isNotNull();
        assertThat(stack.store().missions().openMissionsWithSkill("wordpress")).anyMatch(card -> card.id().equals(id));
        assertThat(stack.store().outbox().findEmail("REVIEW#" + id)).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/missions/submit-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void an_invalid_mission_names_every_bad_field_and_stores_nothing(APIGatewayV2HTTPEvent event) throws Exception {
        int before = stack.items().size();

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        List<String> fields = problem.get("errors").findValuesAsText("field");
        assertThat(fields).contains("title", "skills[1]", "location", "budget", "color");
        assertThat(stack.items()).hasSize(before);
    }

    @ParameterizedTest
    @Event(value = "events/missions/submit-malformed.json", type = APIGatewayV2HTTPEvent.class)
    void malformed_json_is_a_400_problem(APIGatewayV2HTTPEvent event) {
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @Event(value = "events/missions/submit-wrong-content-type.json", type = APIGatewayV2HTTPEvent.class)
    void a_form_body_is_refused_with_415(APIGatewayV2HTTPEvent event) {
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(415);
    }

    @Test
    void a_body_over_64_KiB_is_refused_with_413() {
        APIGatewayV2HTTPEvent event = event("submit.json");
        ObjectNode big = Bodies.bigMission();
        event.setBody(big.toString());

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(413);
    }

    @Test
    void an_admin_approves_once_then_the_mission_is_public_without_the_organisation_email() throws Exception {
        String id = submitted();
        String token = stack.tokens().mint(Purpose.REVIEW, id);

        APIGatewayV2HTTPResponse first = handler.handleRequest(review(id, token, "APPROVE"), null);
        APIGatewayV2HTTPResponse second = handler.handleRequest(review(id, token, "REJECT"), null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(body(first).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(second.getStatusCode()).isEqualTo(409);
        APIGatewayV2HTTPEvent get = event("get.json");
        get.setPathParameters(Map.of("id", id));
        APIGatewayV2HTTPResponse shown = handler.handleRequest(get, null);
        assertThat(shown.getStatusCode()).isEqualTo(200);
        assertThat(shown.getBody()).contains("Les Jardins Partagés").doesNotContain("contact@jardins.example");
    }

    @Test
    void a_rejected_mission_stays_hidden() throws Exception {
        String id = submitted();

        APIGatewayV2HTTPResponse rejected = handler.handleRequest(
                review(id, stack.tokens().mint(Purpose.REVIEW, id), "REJECT"), null);

        assertThat(body(rejected).get("status").asText()).isEqualTo("REJECTED");
        APIGatewayV2HTTPEvent get = event("get.json");
        get.setPathParameters(Map.of("id", id));
        assertThat(handler.handleRequest(get, null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void a_review_token_of_another_mission_is_forbidden() throws Exception {
        String id = submitted();
        String other = submitted();

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                review(id, stack.tokens().mint(Purpose.REVIEW, other), "APPROVE"), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(stack.store().missions().findMission(id).orElseThrow().status()).isEqualTo(MissionStatus.PENDING_REVIEW);
    }

    @Test
    void a_token_for_another_purpose_is_forbidden_and_a_tampered_one_unauthorised() throws Exception {
        String id = submitted();
        String manage = stack.tokens().mint(Purpose.MANAGE_MISSION, id);
        String review = stack.tokens().mint(Purpose.REVIEW, id);
        String tampered = review.substring(0, review.length() - 2) + (review.endsWith("AA") ? "BB" : "AA");

        assertThat(handler.handleRequest(review(id, manage, "APPROVE"), null).getStatusCode()).isEqualTo(403);
        assertThat(handler.handleRequest(review(id, tampered, "APPROVE"), null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void reviewing_an_unknown_mission_is_404() {
        assertThat(handler.handleRequest(review("nope", stack.tokens().mint(Purpose.REVIEW, "nope"), "APPROVE"), null)
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void a_pending_mission_is_not_public() throws Exception {
        APIGatewayV2HTTPEvent get = event("get.json");
        get.setPathParameters(Map.of("id", submitted()));

        assertThat(handler.handleRequest(get, null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void the_organisation_closes_its_mission_once_and_it_leaves_the_open_index() throws Exception {
        MissionsHandler unmoderated = new MissionsHandler(stack.env("MODERATION", "off"));
        String id = body(unmoderated.handleRequest(event("submit.json"), null)).get("id").asText();
        APIGatewayV2HTTPEvent close = event("close.json");
        close.setPathParameters(Map.of("id", id));
        close.setBody("{\"token\":\"" + stack.tokens().mint(Purpose.MANAGE_MISSION, id) + "\"}");

        APIGatewayV2HTTPResponse first = handler.handleRequest(close, null);
        APIGatewayV2HTTPResponse again = handler.handleRequest(close, null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(body(first).get("status").asText()).isEqualTo("CLOSED");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(stack.store().missions().openMissionsWithSkill("wordpress")).noneMatch(card -> card.id().equals(id));
        APIGatewayV2HTTPEvent get = event("get.json");
        get.setPathParameters(Map.of("id", id));
        assertThat(handler.handleRequest(get, null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void a_review_token_cannot_close_a_mission() throws Exception {
        String id = submitted();
        APIGatewayV2HTTPEvent close = event("close.json");
        close.setPathParameters(Map.of("id", id));
        close.setBody("{\"token\":\"" + stack.tokens().mint(Purpose.REVIEW, id) + "\"}");

        assertThat(handler.handleRequest(close, null).getStatusCode()).isEqualTo(403);
    }

    private static APIGatewayV2HTTPEvent getWithToken(String missionId, String token) {
        APIGatewayV2HTTPEvent get = event("get.json");
        get.setPathParameters(Map.of("id", missionId));
        get.setRawPath("/missions/" + missionId);
        Map<String, String> headers = new java.util.HashMap<>(get.getHeaders());
        headers.put("authorization", "Bearer " + token);
        get.setHeaders(headers);
        return get;
    }

    @Test
    void the_review_and_management_links_show_a_pending_mission_with_the_organisation_email() throws Exception {
        String id = submitted();

        for (Purpose purpose : List.of(Purpose.REVIEW, Purpose.MANAGE_MISSION)) {
            APIGatewayV2HTTPResponse shown = handler.handleRequest(getWithToken(id, stack.tokens().mint(purpose, id)), null);

            assertThat(shown.getStatusCode()).as(purpose.name()).isEqualTo(200);
            JsonNode mission = body(shown);
            assertThat(mission.get("status").asText()).isEqualTo("PENDING_REVIEW");
            assertThat(mission.at("/organization/email").asText()).isEqualTo("contact@jardins.example");
        }
    }

    @Test
    void the_organisation_sees_to_how_many_its_mission_was_proposed_and_how_many_are_interested() throws Exception {
        String id = submitted();
        var reasons = new org.socialdeclik.shared.domain.match.MatchReasons(List.of("WordPress"), 2, List.of(),
                org.socialdeclik.shared.domain.match.PlaceFit.REMOTE, null, 500, null, false);
        java.time.Instant now = java.time.Instant.now();
        stack.store().matches().recordProposal(id, "p-count-1", reasons, now);
        stack.store().matches().recordProposal(id, "p-count-2", reasons, now);
        // a pair that waits for a freelancer's weekly window is not a proposal yet
        stack.store().matches().recordDeferred(id, "p-count-3", reasons, now.plusSeconds(86_400), now);
        stack.store().matches().recordInterest(id, "p-count-1", now);
        String manage = stack.tokens().mint(Purpose.MANAGE_MISSION, id);

        JsonNode mission = body(handler.handleRequest(getWithToken(id, manage), null));

        assertThat(mission.get("proposedCount").asInt()).isEqualTo(2);
        assertThat(mission.get("interestCount").asInt()).isEqualTo(1);
        // the public view has no counts
        APIGatewayV2HTTPEvent publicGet = event("get.json");
        publicGet.setPathParameters(Map.of("id", id));
        assertThat(handler.handleRequest(publicGet, null).getBody()).doesNotContain("proposedCount");
    }

    @Test
    void a_mission_shown_by_token_needs_a_token_of_this_mission_and_of_a_mission_purpose() throws Exception {
        String id = submitted();
        String other = submitted();
        String review = stack.tokens().mint(Purpose.REVIEW, id);
        String tampered = review.substring(0, review.length() - 2) + (review.endsWith("AA") ? "BB" : "AA");

        assertThat(handler.handleRequest(getWithToken(id, stack.tokens().mint(Purpose.REVIEW, other)), null)
                .getStatusCode()).isEqualTo(403);
        assertThat(handler.handleRequest(getWithToken(id, stack.tokens().mint(Purpose.INTEREST, id + ":p")), null)
                .getStatusCode()).isEqualTo(403);
        assertThat(handler.handleRequest(getWithToken(id, tampered), null).getStatusCode()).isEqualTo(401);
        assertThat(handler.handleRequest(getWithToken("nope", stack.tokens().mint(Purpose.REVIEW, "nope")), null)
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void closing_says_why_and_tells_each_interested_freelancer_once() throws Exception {
        MissionsHandler unmoderated = new MissionsHandler(stack.env("MODERATION", "off"));
        String id = body(unmoderated.handleRequest(event("submit.json"), null)).get("id").asText();
        var reasons = new org.socialdeclik.shared.domain.match.MatchReasons(List.of("WordPress"), 2, List.of(),
                org.socialdeclik.shared.domain.match.PlaceFit.REMOTE, null, 500, null, false);
        java.time.Instant now = java.time.Instant.now();
        for (String profileId : List.of("p-closing-1", "p-closing-2", "p-closing-3")) {
            stack.store().matches().recordProposal(id, profileId, reasons, now);
        }
        stack.store().matches().recordInterest(id, "p-closing-1", now);
        stack.store().matches().recordInterest(id, "p-closing-2", now);
        String manage = stack.tokens().mint(Purpose.MANAGE_MISSION, id);
        APIGatewayV2HTTPEvent close = event("close.json");
        close.setPathParameters(Map.of("id", id));
        close.setBody("{\"token\":\"" + manage + "\",\"outcome\":\"EXPIRED\"}");
        assertThat(handler.handleRequest(close, null).getStatusCode()).isEqualTo(400);
        close.setBody("{\"token\":\"" + manage + "\",\"outcome\":\"FILLED_HERE\"}");

        APIGatewayV2HTTPResponse closed = handler.handleRequest(close, null);

        assertThat(closed.getStatusCode()).isEqualTo(200);
        assertThat(body(closed).get("outcome").asText()).isEqualTo("FILLED_HERE");
        JsonNode view = body(handler.handleRequest(getWithToken(id, manage), null));
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("outcome").asText()).isEqualTo("FILLED_HERE");
        assertThat(stack.store().outbox().findEmail("CLOSED#" + id + "#p-closing-1")).isPresent();
        assertThat(stack.store().outbox().findEmail("CLOSED#" + id + "#p-closing-2")).isPresent();
        assertThat(stack.store().outbox().findEmail("CLOSED#" + id + "#p-closing-3")).isEmpty();
        // a mission closed without saying why shows no outcome
        String other = body(unmoderated.handleRequest(event("submit.json"), null)).get("id").asText();
        close.setPathParameters(Map.of("id", other));
        String otherManage = stack.tokens().mint(Purpose.MANAGE_MISSION, other);
        close.setBody("{\"token\":\"" + otherManage + "\"}");
        assertThat(body(handler.handleRequest(close, null)).has("outcome")).isFalse();
        assertThat(body(handler.handleRequest(getWithToken(other, otherManage), null)).has("outcome")).isFalse();
    }
}

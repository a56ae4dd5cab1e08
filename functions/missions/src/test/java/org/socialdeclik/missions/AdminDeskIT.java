package org.socialdeclik.missions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.PlaceFit;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.token.Purpose;

/**
 * The admins' desk end to end on the missions function as Lambda builds it, from the sample
 * events of events/missions, against the emulator: the sign-in link, the admin token on every
 * /admin call, the queue, and the review from the desk.
 */
class AdminDeskIT extends OnMissionsFunction {
    private static String adminToken() {
        return stack.tokens().mint(Purpose.ADMIN, OutboxEntry.part(Emulator.ADMIN));
    }

    private static APIGatewayV2HTTPEvent withBearer(APIGatewayV2HTTPEvent event, String token) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (token == null) {
            headers.remove("authorization");
        } else {
            headers.put("authorization", "Bearer " + token);
        }
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent queue(String status, String token) {
        APIGatewayV2HTTPEvent event = withBearer(event("admin-missions.json"), token);
        event.setQueryStringParameters(Map.of("status", status));
        event.setRawQueryString("status=" + status);
        return event;
    }

    private static APIGatewayV2HTTPEvent reviewFromDesk(String id, String token, String body) {
        APIGatewayV2HTTPEvent event = withBearer(event("review-by-admin.json"), token);
        event.setPathParameters(Map.of("id", id));
        event.setRawPath("/missions/" + id + "/review");
        if (body != null) {
            event.setBody(body);
        }
        return event;
    }

    private static List<String> ids(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(m -> m.get("id").asText()).toList();
    }

    @Test
    void an_admin_address_gets_a_link_and_any_other_the_same_answer_and_nothing() throws Exception {
        APIGatewayV2HTTPResponse admin = handler.handleRequest(event("admin-link.json"), null);
        APIGatewayV2HTTPEvent other = event("admin-link.json");
        other.setBody("{\"email\":\"someone@example.org\"}");
        APIGatewayV2HTTPResponse stranger = handler.handleRequest(other, null);

        assertThat(admin.getStatusCode()).isEqualTo(202);
        assertThat(stranger.getStatusCode()).isEqualTo(202);
        assertThat(stranger.getBody()).isEqualTo(admin.getBody());
        var links = stack.items("OUTBOX").stream().filter(i -> i.get("kind").s().equals("ADMIN_LINK")).toList();
        assertThat(links).hasSize(1);
        // the item names the admin by a digest, never by the address
        assertThat(links.get(0).toString()).doesNotContain(Emulator.ADMIN)
                .contains(OutboxEntry.part(Emulator.ADMIN));
        // asked again at once: one email, not two (no flooding an admin's mailbox)
        handler.handleRequest(event("admin-link.json"), null);
        assertThat(stack.items("OUTBOX").stream().filter(i -> i.get("kind").s().equals("ADMIN_LINK"))).hasSize(1);
    }

    @Test
    void every_admin_call_without_a_valid_admin_token_is_401() {
        String mission = "m-any";
        Map<String, String> others = Map.of(
                "review", stack.tokens().mint(Purpose.REVIEW, mission),
                "access", stack.tokens().mint(Purpose.ACCESS, "p-1"),
                "former admin", stack.tokens().mint(Purpose.ADMIN, OutboxEntry.part("former@socialdeclik.example")),
                "expired", stack.tokens().mint(Purpose.ADMIN, OutboxEntry.part(Emulator.ADMIN), "n",
                        Instant.now().minusSeconds(1)),
                "garbage", "abc.def");
        assertThat(handler.handleRequest(queue("PENDING_REVIEW", null), null).getStatusCode()).isEqualTo(401);
        others.forEach((what, token) -> assertThat(handler.handleRequest(queue("PENDING_REVIEW", token), null)
                .getStatusCode()).as(what).isEqualTo(401));
        assertThat(handler.handleRequest(reviewFromDesk(mission, others.get("access"), null), null).getStatusCode())
                .isEqualTo(401);
    }

    @Test
    void the_queue_lists_oldest_first_with_counts_and_the_desk_reviews_with_the_admin_token() throws Exception {
        String first = submitted();
        String second = submitted();
        String third = submitted();
        String admin = adminToken();

        JsonNode pending = body(handler.handleRequest(queue("PENDING_REVIEW", admin), null));
        assertThat(ids(pending)).containsSubsequence(first, second, third);
        JsonNode one = pending.get(ids(pending).indexOf(first));
        assertThat(one.get("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(one.at("/organization/email").asText()).isEqualTo("contact@jardins.example");
        assertThat(one.get("interestCount").asInt()).isZero();

        // approve and reject from the desk: no emailed token, the admin's bearer token
        APIGatewayV2HTTPResponse approved = handler.handleRequest(reviewFromDesk(first, admin, null), null);
        assertThat(approved.getStatusCode()).isEqualTo(200);
        assertThat(body(approved).get("status").asText()).isEqualTo("PUBLISHED");
        APIGatewayV2HTTPResponse rejected = handler.handleRequest(reviewFromDesk(second, admin,
                "{\"decision\":\"REJECT\",\"reason\":\"Hors du champ de l'ESS\"}"), null);
        assertThat(body(rejected).get("status").asText()).isEqualTo("REJECTED");
        // the same rules: a second review is 409
        assertThat(handler.handleRequest(reviewFromDesk(first, admin, null), null).getStatusCode()).isEqualTo(409);
        assertThat(stack.store().missions().findMission(second)).get().extracting(m -> m.status())
                .isEqualTo(MissionStatus.REJECTED);

        var reasons = new MatchReasons(List.of("WordPress"), 2, List.of(), PlaceFit.REMOTE, null, 500, null, false);
        stack.store().matches().recordProposal(first, "p-desk-1", reasons, Instant.now());
        stack.store().matches().recordProposal(first, "p-desk-2", reasons, Instant.now());
        stack.store().matches().recordInterest(first, "p-desk-1", Instant.now());
        JsonNode published = body(handler.handleRequest(queue("PUBLISHED", admin), null));
        assertThat(ids(published)).containsExactly(first);
        assertThat(published.get(0).get("proposedCount").asInt()).isEqualTo(2);
        assertThat(published.get(0).get("interestCount").asInt()).isEqualTo(1);
        assertThat(published.get(0).get("publishedAt").asText()).isNotBlank();
        assertThat(published.get(0).get("quiet").asBoolean()).as("published today, with an interest").isFalse();
        assertThat(ids(body(handler.handleRequest(queue("PENDING_REVIEW", admin), null)))).containsExactly(third);

        APIGatewayV2HTTPEvent close = event("close.json");
        close.setPathParameters(Map.of("id", first));
        close.setBody("{\"token\":\"" + stack.tokens().mint(Purpose.MANAGE_MISSION, first) + "\"}");
        assertThat(handler.handleRequest(close, null).getStatusCode()).isEqualTo(200);
        assertThat(ids(body(handler.handleRequest(queue("CLOSED", admin), null)))).containsExactly(first);
        assertThat(body(handler.handleRequest(queue("PUBLISHED", admin), null))).isEmpty();
    }

    @Test
    void the_stats_answer_the_counts_with_the_admin_token_only() throws Exception {
        APIGatewayV2HTTPResponse stats = handler.handleRequest(withBearer(event("admin-stats.json"), adminToken()), null);

        assertThat(stats.getStatusCode()).isEqualTo(200);
        JsonNode body = body(stats);
        assertThat(body.at("/missions/submitted").isIntegralNumber()).isTrue();
        assertThat(body.at("/freelancers/byRegion").isArray()).isTrue();
        assertThat(body.at("/proposals").isIntegralNumber()).isTrue();
        assertThat(handler.handleRequest(withBearer(event("admin-stats.json"), null), null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void an_unknown_queue_is_a_400_naming_the_field() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(queue("DRAFT", adminToken()), null);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).at("/errors/0/field").asText()).isEqualTo("status");
    }
}

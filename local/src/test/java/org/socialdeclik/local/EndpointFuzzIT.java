package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.socialdeclik.missions.MissionsHandler;
import org.socialdeclik.profiles.ProfilesHandler;
import org.socialdeclik.shared.api.HttpFunction;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.token.Purpose;

/**
 * Generated and mutated bodies, headers and tokens thrown at every endpoint's handler (built from
 * its environment against the emulator): never a 5xx, and a refused request stores nothing.
 */
class EndpointFuzzIT {
    static Emulator stack;
    static Map<String, HttpFunction> handlers;
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Every route of the contract: route key, function, path parameters. */
    record Endpoint(String routeKey, String function) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST /missions", "missions"),
            new Endpoint("POST /missions/{id}/review", "missions"),
            new Endpoint("POST /missions/{id}/close", "missions"),
            new Endpoint("GET /missions/{id}", "missions"),
            new Endpoint("POST /profiles", "profiles"),
            new Endpoint("POST /profiles/verify", "profiles"),
            new Endpoint("POST /auth/link", "profiles"),
            new Endpoint("GET /profiles/me", "profiles"),
            new Endpoint("PUT /profiles/me", "profiles"),
            new Endpoint("DELETE /profiles/me", "profiles"),
            new Endpoint("POST /interests", "profiles"),
            new Endpoint("POST /unsubscribe", "profiles"));

    @BeforeContainer
    static void start() {
        stack = Emulator.start();
        handlers = Map.of("missions", new MissionsHandler(stack.env()), "profiles", new ProfilesHandler(stack.env()));
    }

    @AfterContainer
    static void stop() {
        stack = null;
    }

    // ---- generators -------------------------------------------------------------------------

    static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80).map(NODES::textNode),
                Arbitraries.strings().withChars("\r\n\t\u0000<>\"'&{}[]é€😀").ofMaxLength(20).map(NODES::textNode),
                Arbitraries.of("", " ", "35", "2A", "975", "99999", "35000", "2030-02-01", "2027-02-30", "1999-01-01",
                        "REMOTE", "ONSITE", "ASSOCIATION", "APPROVE", "REJECT", "fr", "en", "de", "WP", "...",
                        "a@b.example", "ana@@example.org", "https://x.example", "javascript:alert(1)").map(NODES::textNode),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    }

    static Arbitrary<JsonNode> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(
                Arbitraries.of("title", "email", "skills", "location", "department", "postalCode", "token", "decision",
                        "budget", "proBono", "x", "").list().ofMaxSize(4),
                values(depth - 1).list().ofSize(4)).as((keys, vals) -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = 0; i < keys.size(); i++) {
                        object.set(keys.get(i), vals.get(i));
                    }
                    return object;
                });
        return Arbitraries.oneOf(scalars(), arrays, objects);
    }

    /** A valid body with one to three fields removed or replaced, or an unknown one added. */
    static Arbitrary<String> mutated(ObjectNode valid) {
        List<String> paths = new ArrayList<>();
        collect(valid, "", paths);
        Arbitrary<String> path = Arbitraries.of(paths);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        return Combinators.combine(path.list().ofMinSize(1).ofMaxSize(3), kind.list().ofSize(3), values(1).list().ofSize(3))
                .as((targets, kinds, replacements) -> {
                    ObjectNode body = valid.deepCopy();
                    for (int i = 0; i < targets.size(); i++) {
                        apply(body, targets.get(i), kinds.get(i), replacements.get(i));
                    }
                    return body.toString();
                });
    }

    static void collect(JsonNode node, String prefix, List<String> out) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            out.add(path);
            if (node.get(name).isObject()) {
                collect(node.get(name), path, out);
            }
        }
    }

    static void apply(ObjectNode body, String path, int kind, JsonNode replacement) {
        String[] parts = path.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(parent.get(parts[i]) instanceof ObjectNode child)) {
                return;
            }
            parent = child;
        }
        String last = parts[parts.length - 1];
        switch (kind) {
            case 0 -> parent.remove(last);
            case 1 -> parent.set(last, replacement);
            default -> parent.set(last + "Extra", replacement);
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                values(3).map(JsonNode::toString),
                mutated(Bodies.mission()),
                mutated(Bodies.profile("fuzz@example.org")),
                mutated((ObjectNode) NODES.objectNode().put("token", "x").put("decision", "APPROVE")),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of("", "{", "[]", "null", "{\"a\":1,\"a\":2}", "List-Unsubscribe=One-Click", "\u0000",
                        "{\"title\": \"" + "x".repeat(70_000) + "\"}"));
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of(Purpose.values()).map(p -> stack.tokens().mint(p, "unknown-subject")),
                Arbitraries.of(Purpose.values()).map(p -> stack.tokens().mint(p, "m:p")),
                Arbitraries.just("a.b"),
                Arbitraries.just(""));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/jsonp");
    }

    // ---- the property ------------------------------------------------------------------------

    @Property(tries = 600, edgeCases = net.jqwik.api.EdgeCasesMode.MIXIN)
    void no_request_gets_a_5xx_and_a_refused_one_stores_nothing(
            @ForAll("bodies") String body, @ForAll("tokens") String token, @ForAll("contentTypes") String contentType,
            @ForAll int endpointIndex, @ForAll boolean base64) {
        Endpoint endpoint = ENDPOINTS.get(Math.floorMod(endpointIndex, ENDPOINTS.size()));
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(endpoint.routeKey());
        Map<String, String> headers = new HashMap<>();
        if (!contentType.isEmpty()) {
            headers.put("content-type", contentType);
        }
        headers.put("authorization", "Bearer " + token);
        event.setHeaders(headers);
        event.setPathParameters(Map.of("id", token.isEmpty() ? "x" : token));
        event.setQueryStringParameters(Map.of("token", token));
        if (base64) {
            event.setBody(java.util.Base64.getEncoder().encodeToString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            event.setIsBase64Encoded(true);
        } else {
            event.setBody(body);
        }
        int before = stack.items().size();

        APIGatewayV2HTTPResponse response = handlers.get(endpoint.function()).handleRequest(event, null);

        assertThat(response.getStatusCode()).as(endpoint.routeKey() + " " + body).isLessThan(500);
        if (response.getStatusCode() >= 400) {
            assertThat(stack.items()).as("stored after a refused " + endpoint.routeKey()).hasSize(before);
        }
    }
}

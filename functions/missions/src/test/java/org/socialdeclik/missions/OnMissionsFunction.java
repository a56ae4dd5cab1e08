package org.socialdeclik.missions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.testing.Emulator;

/**
 * What the missions function's integration tests start from: the function built as Lambda builds
 * it (from its environment) against the emulator, and the sample events of events/missions.
 */
abstract class OnMissionsFunction {
    static Emulator stack;
    static MissionsHandler handler;

    @BeforeAll
    static void startFunction() {
        stack = Emulator.start();
        handler = new MissionsHandler(stack.env());
    }

    static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/missions/" + name);
    }

    static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.parse(response.getBody());
    }

    /** The sample mission submitted: its id. */
    static String submitted() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("submit.json"), null);
        assertThat(response.getStatusCode()).isEqualTo(202);
        return body(response).get("id").asText();
    }
}

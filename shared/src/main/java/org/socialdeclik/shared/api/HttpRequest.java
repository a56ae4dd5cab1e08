package org.socialdeclik.shared.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What a route handler needs of an HTTP call: already checked for size, type and JSON syntax. */
public record HttpRequest(
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headers,
        String rawBody,
        JsonNode json,
        Messages messages) {

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The bearer token of the Authorization header, or null. */
    public String bearerToken() {
        String value = headers.get("authorization");
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}

package org.socialdeclik.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local runner's own JSON: one reflective Jackson {@code ObjectMapper} for what the runner
 * reads and writes around the functions (the template, the emulator's answers, its own
 * {@code /_local/...} bodies and the events it builds), and the problem+json bodies it answers
 * itself. The runner is never deployed, so it may pay for a mapper; the functions' own JSON is
 * {@code shared/.../Json} (no mapper, for their cold starts), the table's documents
 * {@code aws/StoredJson}, Lambda's events {@code lambda/EventJson}, and the events as Lambda's
 * runtime would serialize them {@link RuntimeJson}.
 */
final class LocalMapper {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private LocalMapper() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    static String string(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /** A request body that is a JSON object, or null for anything else (not JSON, an array, empty). */
    static JsonNode objectOrNull(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** An RFC 9457 problem: type, title, status, and a detail when there is one. */
    static Map<String, Object> problem(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        return problem;
    }
}

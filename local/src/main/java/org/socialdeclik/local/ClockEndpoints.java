package org.socialdeclik.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /_local/clock} with {@code {"advanceDays": N}} moves the local run's clock N days
 * further (it adds up); {@code GET /_local/clock} tells it; {@code DELETE /_local/clock} goes back
 * to real time. Each answers {@code 200 {"now": "<ISO instant>", "offsetDays": N}}.
 */
final class ClockEndpoints {
    private final LocalClock clock;

    ClockEndpoints(LocalClock clock) {
        this.clock = clock;
    }

    static boolean serves(String rawPath) {
        return rawPath.equals("/_local/clock");
    }

    HttpEvents.Response handle(String method, byte[] body) {
        return switch (method) {
            case "GET", "HEAD" -> now();
            case "DELETE" -> {
                clock.reset();
                yield now();
            }
            case "POST" -> advance(body);
            default -> HttpEvents.problem(405, "Method Not Allowed", null);
        };
    }

    private HttpEvents.Response advance(byte[] body) {
        JsonNode request = LocalMapper.objectOrNull(body);
        JsonNode days = request == null ? null : request.get("advanceDays");
        if (days == null || !days.canConvertToLong() || !days.isIntegralNumber() || request.size() != 1) {
            return HttpEvents.problem(400, "Bad Request", "Send {\"advanceDays\": N}, N a whole number of days from 1.");
        }
        try {
            clock.advanceDays(days.asLong());
        } catch (IllegalArgumentException e) {
            return HttpEvents.problem(400, "Bad Request", e.getMessage());
        }
        return now();
    }

    private HttpEvents.Response now() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", clock.instant().toString());
        body.put("offsetDays", clock.offset().toDays());
        return HttpEvents.json(200, body);
    }
}

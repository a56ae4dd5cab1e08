package org.socialdeclik.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The local run's outage controls: {@code POST /_local/faults} (SES fails every send, or accepts
 * every message and answers late), {@code GET /_local/faults}, {@code DELETE /_local/faults};
 * {@code GET /_local/failures}, what reached a failure destination, oldest first.
 */
final class FaultEndpoints {
    static final int MAX_SLOW_SECONDS = 600;
    private static final Set<String> FIELDS = Set.of("service", "mode", "seconds");

    private final LocalSes ses;
    private final FailureDestination failures;

    FaultEndpoints(LocalSes ses, FailureDestination failures) {
        this.ses = ses;
        this.failures = failures;
    }

    static boolean serves(String rawPath) {
        return rawPath.equals("/_local/faults") || rawPath.equals("/_local/failures");
    }

    HttpEvents.Response handle(String method, String rawPath, byte[] body) {
        if (rawPath.equals("/_local/failures")) {
            return method.equals("GET") || method.equals("HEAD") ? HttpEvents.json(200, failures.received())
                    : HttpEvents.problem(405, "Method Not Allowed", null);
        }
        return switch (method) {
            case "GET", "HEAD" -> HttpEvents.json(200, ses.fault() == null ? Map.of() : ses.fault().toJson());
            case "DELETE" -> {
                ses.fault(null);
                yield HttpEvents.json(200, Map.of());
            }
            case "POST" -> set(body);
            default -> HttpEvents.problem(405, "Method Not Allowed", null);
        };
    }

    private HttpEvents.Response set(byte[] body) {
        JsonNode request = LocalMapper.objectOrNull(body);
        if (request == null) {
            return bad("The body must be a JSON object: {\"service\": \"ses\"} or "
                    + "{\"service\": \"ses\", \"mode\": \"slow\", \"seconds\": 15}.");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return bad("Unknown field " + name + " (known: service, mode, seconds).");
            }
        }
        if (!request.path("service").asText("").equals("ses")) {
            return bad("service: only \"ses\" can be made to fail.");
        }
        String mode = request.path("mode").asText("fail");
        if (mode.equals("fail")) {
            if (request.has("seconds")) {
                return bad("seconds: only with \"mode\": \"slow\".");
            }
            ses.fault(new LocalSes.Fault(LocalSes.Fault.Mode.FAIL, 0));
        } else if (mode.equals("slow")) {
            JsonNode seconds = request.get("seconds");
            if (seconds == null || !seconds.isInt() || seconds.asInt() < 1 || seconds.asInt() > MAX_SLOW_SECONDS) {
                return bad("seconds: a whole number from 1 to " + MAX_SLOW_SECONDS + " is needed with \"mode\": \"slow\".");
            }
            ses.fault(new LocalSes.Fault(LocalSes.Fault.Mode.SLOW, seconds.asInt()));
        } else {
            return bad("mode: \"fail\" (the default) or \"slow\".");
        }
        return HttpEvents.json(200, ses.fault().toJson());
    }

    private static HttpEvents.Response bad(String detail) {
        return HttpEvents.problem(400, "Bad Request", detail);
    }
}

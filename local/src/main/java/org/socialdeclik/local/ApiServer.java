package org.socialdeclik.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for API Gateway: serves the template's HttpApi routes on 127.0.0.1, turning
 * each request into the payload-2.0 event the matching function gets, plus the local-only
 * {@code /_local/...} endpoints.
 */
final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int THREADS = 8;

    private final LoopbackServer server;
    private final Supplier<HealthReport> health;
    private final Outbox outbox;
    private final Supplier<Map<String, LocalSchedule>> schedules;
    private final LocalTopics topics;
    private volatile Routes<LocalFunction> routes;
    private volatile Cors cors;
    private volatile FaultEndpoints faults;

    /** Health as {@code /_local/health} reports it. */
    record HealthReport(boolean up, Map<String, Object> details) {
    }

    ApiServer(int port, Supplier<HealthReport> health, Outbox outbox, Supplier<Map<String, LocalSchedule>> schedules) {
        this(port, health, outbox, schedules, new LocalTopics("eu-west-3", "000000000000"));
    }

    ApiServer(int port, Supplier<HealthReport> health, Outbox outbox, Supplier<Map<String, LocalSchedule>> schedules,
              LocalTopics topics) {
        this.health = health;
        this.outbox = outbox;
        this.schedules = schedules;
        this.topics = topics;
        this.server = new LoopbackServer(port, THREADS, "api", "another port with PORT=... or --port ...", this::handle);
    }

    int port() {
        return server.port();
    }

    void serve(Routes<LocalFunction> routes, Cors cors) {
        this.cors = cors;
        this.routes = routes;
    }

    /** Serves {@code /_local/faults} and {@code /_local/failures} (once the emulated SES is up). */
    void serveFaults(FaultEndpoints faults) {
        this.faults = faults;
    }

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String label = method + " " + rawPath;
        HttpEvents.Response response;
        try {
            if (FaultEndpoints.serves(rawPath)) {
                response = faults(exchange, method, rawPath);
            } else if (ClockEndpoints.serves(rawPath)) {
                byte[] body = readBody(exchange.getRequestBody());
                response = body == null ? HttpEvents.problem(413, "Content Too Large", null)
                        : new ClockEndpoints(LocalClock.installed()).handle(method, body);
            } else if (rawPath.equals("/_local") || rawPath.startsWith("/_local/")) {
                response = rawPath.startsWith("/_local/sns/") || rawPath.equals("/_local/ses-feedback")
                        ? publish(exchange, method, rawPath) : local(method, rawPath);
            } else {
                Dispatched dispatched = dispatch(exchange, method, rawPath);
                response = dispatched.response();
                label = dispatched.label();
            }
        } catch (IOException e) {
            response = HttpEvents.problem(400, "Bad Request", "The request body could not be read.");
        } catch (RuntimeException e) {
            LOG.error("Local API failed on {} {}", method, rawPath, e);
            response = HttpEvents.problem(500, "Internal Server Error", null);
        }
        try {
            write(exchange, method, response);
        } catch (IOException e) {
            LOG.debug("Client went away during {}: {}", label, e.toString());
        } finally {
            exchange.close();
        }
        if (!rawPath.startsWith("/_local/health")) {
            LOG.info("{} -> {} in {} ms", label, response.status(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private record Dispatched(HttpEvents.Response response, String label) {
    }

    private Dispatched dispatch(HttpExchange exchange, String method, String rawPath) {
        Headers requestHeaders = exchange.getRequestHeaders();
        String origin = requestHeaders.getFirst("Origin");
        Cors currentCors = cors;
        Routes<LocalFunction> currentRoutes = routes;
        if (currentRoutes == null) {
            return new Dispatched(HttpEvents.problem(503, "Service Unavailable", "The local platform is starting."),
                    method + " " + rawPath);
        }
        if (method.equals("OPTIONS") && origin != null
                && requestHeaders.getFirst("Access-Control-Request-Method") != null && currentCors != null) {
            HttpEvents.Response preflight = new HttpEvents.Response(204, new java.util.LinkedHashMap<>(), new byte[0]);
            if (currentCors.allows(origin)) {
                currentCors.preflight(origin, requestHeaders.getFirst("Access-Control-Request-Method"),
                        requestHeaders.getFirst("Access-Control-Request-Headers"))
                        .forEach((name, value) -> preflight.headers().put(name, List.of(value)));
            }
            return new Dispatched(preflight, "CORS preflight " + rawPath);
        }
        Optional<Routes.Match<LocalFunction>> match = currentRoutes.match(method, rawPath);
        if (match.isEmpty()) {
            return new Dispatched(withCors(HttpEvents.problem(404, "Not Found", null), origin, currentCors),
                    method + " " + rawPath);
        }
        LocalFunction function = match.get().target();
        String routeKey = match.get().route().routeKey();
        String label = routeKey + " (" + function.logicalId() + ")";
        byte[] body;
        try {
            body = readBody(exchange.getRequestBody());
        } catch (IOException e) {
            return new Dispatched(HttpEvents.problem(400, "Bad Request", "The request body could not be read."),
                    label);
        }
        if (body == null) {
            return new Dispatched(withCors(HttpEvents.problem(413, "Content Too Large",
                    "The request body is over " + MAX_BODY_BYTES + " bytes."), origin, currentCors), label);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        requestHeaders.forEach((name, values) -> values.forEach(value -> headers.add(Map.entry(name, value))));
        HttpEvents.Request request = new HttpEvents.Request(method, rawPath,
                exchange.getRequestURI().getRawQuery(), headers, body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), port());
        String requestId = UUID.randomUUID().toString();
        var event = HttpEvents.toEvent(request, routeKey, match.get().pathParameters(), requestId, LocalClock.INSTANCE.instant());
        HttpEvents.Response response;
        try {
            response = HttpEvents.toResponse(function.invoke(event));
        } catch (LocalFunction.FunctionError e) {
            LOG.error("Function {} failed on {} (requestId {})", function.logicalId(), routeKey, e.requestId(),
                    e.getCause());
            response = HttpEvents.problem(500, "Internal Server Error", null);
        }
        return new Dispatched(withCors(response, origin, currentCors), label);
    }

    private static HttpEvents.Response withCors(HttpEvents.Response response, String origin, Cors cors) {
        if (cors != null && cors.allows(origin)) {
            cors.actual(origin).forEach((name, value) -> response.headers().putIfAbsent(name, List.of(value)));
        }
        return response;
    }

    private HttpEvents.Response local(String method, String rawPath) {
        switch (rawPath) {
            case "/_local/health" -> {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    return methodNotAllowed();
                }
                HealthReport report = health.get();
                return HttpEvents.json(report.up() ? 200 : 503, report.details());
            }
            case "/_local/emails" -> {
                if (method.equals("GET") || method.equals("HEAD")) {
                    List<Object> emails = new ArrayList<>();
                    outbox.emails().forEach(email -> emails.add(email.toJson()));
                    return HttpEvents.json(200, emails);
                }
                if (method.equals("DELETE")) {
                    outbox.clear();
                    return new HttpEvents.Response(204, new java.util.LinkedHashMap<>(), new byte[0]);
                }
                return methodNotAllowed();
            }
            case "/_local/schedules" -> {
                if (!method.equals("GET")) {
                    return methodNotAllowed();
                }
                List<Object> list = new ArrayList<>();
                schedules.get().values().forEach(schedule -> list.add(schedule.status()));
                return HttpEvents.json(200, list);
            }
            default -> {
                if (rawPath.startsWith("/_local/schedules/")) {
                    return fireSchedule(method, rawPath.substring("/_local/schedules/".length()));
                }
                return HttpEvents.problem(404, "Not Found", null);
            }
        }
    }

    /**
     * {@code POST /_local/sns/{topic}}: publishes the body to a topic of the template.
     * {@code POST /_local/ses-feedback} with {@code {"email": "...", "type": "Bounce" | "Complaint"}}:
     * simulates SES reporting a permanent bounce or a complaint through the configuration set.
     */
    private HttpEvents.Response publish(HttpExchange exchange, String method, String rawPath) {
        if (!method.equals("POST")) {
            return methodNotAllowed();
        }
        byte[] body;
        try {
            body = readBody(exchange.getRequestBody());
        } catch (IOException e) {
            return HttpEvents.problem(400, "Bad Request", "The request body could not be read.");
        }
        if (body == null) {
            return HttpEvents.problem(413, "Content Too Large", null);
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (rawPath.equals("/_local/ses-feedback")) {
                com.fasterxml.jackson.databind.JsonNode request;
                try {
                    request = LocalMapper.MAPPER.readTree(text);
                } catch (IOException e) {
                    request = null;
                }
                String email = request == null ? "" : request.path("email").asText("");
                String type = request == null ? "" : request.path("type").asText("Bounce");
                if (email.isBlank() || !(type.equals("Bounce") || type.equals("Complaint"))) {
                    return HttpEvents.problem(400, "Bad Request",
                            "Send {\"email\": \"...\", \"type\": \"Bounce\" or \"Complaint\"}.");
                }
                return HttpEvents.json(200, Map.of("delivered", topics.simulateSesFeedback(type, email)));
            }
            String topic = Routes.decode(rawPath.substring("/_local/sns/".length()));
            if (!topics.has(topic)) {
                return HttpEvents.problem(404, "Not Found", "No function subscribes to topic " + topic + ".");
            }
            return HttpEvents.json(200, Map.of("delivered", topics.publish(topic, text).size()));
        } catch (LocalFunction.FunctionError e) {
            LOG.error("A subscribed function failed (requestId {})", e.requestId(), e.getCause());
            return HttpEvents.problem(500, "Internal Server Error", null);
        }
    }

    private HttpEvents.Response faults(HttpExchange exchange, String method, String rawPath) {
        FaultEndpoints current = faults;
        if (current == null) {
            return HttpEvents.problem(503, "Service Unavailable", "The local platform is starting.");
        }
        byte[] body;
        try {
            body = readBody(exchange.getRequestBody());
        } catch (IOException e) {
            return HttpEvents.problem(400, "Bad Request", "The request body could not be read.");
        }
        return body == null ? HttpEvents.problem(413, "Content Too Large", null) : current.handle(method, rawPath, body);
    }

    /** {@code POST /_local/schedules/{function}/{event}}: runs a scheduled function now. */
    private HttpEvents.Response fireSchedule(String method, String key) {
        LocalSchedule schedule = schedules.get().get(Routes.decode(key));
        if (schedule == null) {
            return HttpEvents.problem(404, "Not Found", "No schedule " + key + "; GET /_local/schedules lists them.");
        }
        if (!method.equals("POST")) {
            return methodNotAllowed();
        }
        try {
            Object result = schedule.fire();
            Map<String, Object> body = new java.util.LinkedHashMap<>(schedule.status());
            body.put("result", result);
            return HttpEvents.json(200, body);
        } catch (LocalFunction.FunctionError e) {
            LOG.error("Scheduled function failed ({}, requestId {})", key, e.requestId(), e.getCause());
            return HttpEvents.problem(500, "Internal Server Error", null);
        }
    }

    private static HttpEvents.Response methodNotAllowed() {
        return HttpEvents.problem(405, "Method Not Allowed", null);
    }

    /** The body, or null when it is over the limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                return null;
            }
            return body;
        }
    }

    private static void write(HttpExchange exchange, String method, HttpEvents.Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || method.equals("HEAD") || response.status() == 204
                || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

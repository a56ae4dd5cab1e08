package org.socialdeclik.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated SES as the functions see it: a loopback HTTP front on the emulator's SES v2 API
 * (their {@code AWS_ENDPOINT_URL_SESV2}). Every request goes to the emulator; an email it accepts
 * is recorded then ({@code GET /_local/emails} is what SES accepted, whether or not the sender
 * heard back) and its send event published, as the configuration set's event destinations ask
 * (a {@code send} destination gets a {@code Send} event with the message's tags). With a fault set
 * ({@code POST /_local/faults}), every SendEmail is refused as a throttled account's is (HTTP 429
 * {@code TooManyRequestsException}), or accepted and answered only after a delay.
 */
final class LocalSes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSes.class);
    private static final String SEND_EMAIL = "/v2/email/outbound-emails";
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    /** What {@code POST /_local/faults} set for SES: every send refused, or accepted and answered late. */
    record Fault(Mode mode, int seconds) {
        enum Mode { FAIL, SLOW }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("service", "ses");
            json.put("mode", mode.name().toLowerCase(Locale.ROOT));
            if (mode == Mode.SLOW) {
                json.put("seconds", seconds);
            }
            return json;
        }
    }

    private final URI emulator;
    private final Outbox outbox;
    private final LocalTopics topics;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ses-events");
        thread.setDaemon(true);
        return thread;
    });
    private final LoopbackServer server;
    private volatile Fault fault;

    LocalSes(URI emulator, Outbox outbox, LocalTopics topics) {
        this.emulator = emulator;
        this.outbox = outbox;
        this.topics = topics;
        this.server = new LoopbackServer(0, 16, "ses", "nothing: it takes any free port", this::handle);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    Fault fault() {
        return fault;
    }

    void fault(Fault fault) {
        this.fault = fault;
        LOG.warn(fault == null ? "SES fault cleared: SES accepts and answers again"
                : "SES fault set: " + fault.toJson());
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean send = exchange.getRequestMethod().equals("POST")
                    && exchange.getRequestURI().getRawPath().equals(SEND_EMAIL);
            Fault current = fault;
            if (send && current != null && current.mode() == Fault.Mode.FAIL) {
                answer(exchange, 429, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "TooManyRequestsException"),
                        "{\"message\":\"Maximum sending rate exceeded.\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            if (send && answer.statusCode() == 200) {
                accepted(body, answer.body());
                if (current != null && current.mode() == Fault.Mode.SLOW) {
                    Thread.sleep(current.seconds() * 1000L);
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    headers.put(name, String.join(",", values));
                }
            });
            answer(exchange, answer.statusCode(), headers, answer.body());
        } catch (IOException e) {
            LOG.debug("SES client went away: {}", e.toString()); // a sender that timed out, as in slow mode
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI target = emulator.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** SES took the message: it is recorded, and its send event goes out as SES would send it, a moment later. */
    private void accepted(byte[] request, byte[] response) {
        JsonNode sent;
        String messageId;
        try {
            sent = LocalMapper.MAPPER.readTree(request);
            messageId = LocalMapper.MAPPER.readTree(response).path("MessageId").asText(null);
        } catch (IOException e) {
            LOG.warn("An email the emulator accepted could not be read: {}", e.toString());
            return;
        }
        Instant now = LocalClock.INSTANCE.instant();
        outbox.record(sentEmail(sent, messageId, now));
        String configurationSet = sent.path("ConfigurationSetName").asText(null);
        if (configurationSet != null) {
            Map<String, Object> event = sendEvent(sent, messageId, configurationSet, now);
            events.execute(() -> {
                try {
                    topics.publishSesEvent("Send", event);
                } catch (RuntimeException e) {
                    LOG.warn("The send event of an email could not be delivered", e);
                }
            });
        }
    }

    static SentEmail sentEmail(JsonNode request, String messageId, Instant at) {
        List<String> to = new ArrayList<>();
        request.path("Destination").path("ToAddresses").forEach(address -> to.add(address.asText()));
        JsonNode simple = request.path("Content").path("Simple");
        Map<String, String> headers = new LinkedHashMap<>();
        simple.path("Headers").forEach(header -> headers.merge(header.path("Name").asText(),
                header.path("Value").asText(), (a, b) -> a + ", " + b));
        return new SentEmail(messageId, request.path("FromEmailAddress").asText(null), to,
                simple.path("Subject").path("Data").asText(null), simple.path("Body").path("Text").path("Data").asText(null),
                simple.path("Body").path("Html").path("Data").asText(null), headers, at);
    }

    /** The {@code Send} event SES publishes for an accepted message: {@code mail} with its tags, and an empty {@code send}. */
    private Map<String, Object> sendEvent(JsonNode request, String messageId, String configurationSet, Instant at) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("ses:configuration-set", List.of(configurationSet));
        request.path("EmailTags").forEach(tag -> tags.computeIfAbsent(tag.path("Name").asText(), k -> new ArrayList<>())
                .add(tag.path("Value").asText()));
        List<String> destination = new ArrayList<>();
        request.path("Destination").path("ToAddresses").forEach(address -> destination.add(address.asText()));
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("timestamp", at.toString());
        mail.put("source", request.path("FromEmailAddress").asText(""));
        mail.put("sendingAccountId", LocalPlatform.ACCOUNT_ID);
        mail.put("messageId", messageId);
        mail.put("destination", destination);
        mail.put("tags", tags);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", "Send");
        event.put("mail", mail);
        event.put("send", Map.of());
        return event;
    }

    @Override
    public void close() {
        server.close();
        events.shutdownNow();
    }
}

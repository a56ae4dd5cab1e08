package org.socialdeclik.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialdeclik.local.LocalPlatform;
import org.socialdeclik.local.SentEmail;

/** Calls the local platform's API over HTTP as the web forms do, and reads the links of its emails. */
final class LocalApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9._~%-]+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalPlatform platform;
    private final Path events;

    /** One answer and how long it took, seen from the client (ms). */
    record Answer(int status, JsonNode json, double millis) {}

    LocalApi(LocalPlatform platform, Path events) {
        this.platform = platform;
        this.events = events;
    }

    /** The JSON body of a sample HTTP event, as an object to adapt. */
    ObjectNode sampleBody(String eventFile) {
        try {
            JsonNode event = JSON.readTree(Files.readString(events.resolve(eventFile)));
            return (ObjectNode) JSON.readTree(event.get("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + eventFile, e);
        }
    }

    Answer call(String method, String path, JsonNode body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.apiBaseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - start) / 1e6;
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, millis);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Answer post(String path, JsonNode body) {
        return call("POST", path, body, null);
    }

    /** The stream pollers' counters, from the local health report. */
    JsonNode pollers() {
        return call("GET", "/_local/health", null, null).json().path("streamPollers");
    }

    /** Waits until the stream pollers have delivered everything (their counters still for 3 s). */
    void awaitQuiet() {
        String last = "";
        int still = 0;
        for (int i = 0; i < 900; i++) {
            String now = pollers().toString().replaceAll("\"state\":\"[A-Z_]+\",?", "");
            still = now.equals(last) ? still + 1 : 0;
            if (still == 3) {
                return;
            }
            last = now;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The token of the link that starts with {@code link} (e.g. {@code /verify?}) in the newest
     * email to this address holding such a link.
     */
    String awaitToken(String to, String link, Duration timeout) {
        try {
            List<SentEmail> emails = platform.outbox().await(email -> email.to().contains(to)
                    && email.text() != null && email.text().contains(link), 1, timeout);
            if (emails.isEmpty()) {
                throw new IllegalStateException("no email with a " + link + " link reached " + to + " in " + timeout);
            }
            return token(emails.get(emails.size() - 1).text(), link);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String token(String text, String link) {
        int at = text.indexOf(link);
        Matcher matcher = TOKEN.matcher(text);
        if (at < 0 || !matcher.find(at)) {
            throw new IllegalStateException("no token after " + link + " in the email");
        }
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }
}

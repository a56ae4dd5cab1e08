package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that serves the web app: on a free port, which then is the WEB_BASE_URL of the emails and
 * an origin CORS allows, with its config.js naming this run's API, and counted in the health.
 */
class LocalWebIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path site;

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWebAppIsServedBesideTheApiAndIsWhereTheEmailsPoint() throws Exception {
        Files.writeString(site.resolve("index.html"), "<h1>Social Declik</h1>");
        Files.writeString(site.resolve("verify.html"), "<h1>verify</h1>");
        try (LocalPlatform platform = LocalPlatform.start(LocalConfig.defaults()
                .withPort(0)
                .withWebPort(0)
                .withWebRoot(site)
                .withTableName("web-" + UUID.randomUUID().toString().substring(0, 8))
                .withEndpoint(Emulator.endpoint())
                .withModeration(false)
                .withTemplate(TestTemplates.path("it-template.yaml")))) {
            assertThat(platform.awaitHealthy(Duration.ofSeconds(30))).as("healthy").isTrue();
            String web = "http://127.0.0.1:" + platform.webPort();

            assertThat(platform.webBaseUrl()).isEqualTo(web);
            JsonNode env = LocalMapper.MAPPER.readTree(send(HttpRequest.newBuilder(
                    URI.create(platform.apiBaseUrl() + "/echo/x"))).body()).get("environment");
            assertThat(env.get("WEB_BASE_URL").asText()).isEqualTo(web);

            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(web + "/verify?token=t")));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<h1>verify</h1>");
            assertThat(page.headers().firstValue("content-security-policy")).get().asString()
                    .contains("connect-src 'self' " + platform.apiBaseUrl());
            assertThat(send(HttpRequest.newBuilder(URI.create(web + "/config.js"))).body())
                    .contains("\"" + platform.apiBaseUrl() + "\"");

            HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(platform.apiBaseUrl() + "/emails"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", web)
                    .header("Access-Control-Request-Method", "POST"));
            assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains(web);

            JsonNode health = LocalMapper.MAPPER.readTree(send(HttpRequest.newBuilder(
                    URI.create(platform.apiBaseUrl() + "/_local/health"))).body());
            assertThat(health.at("/components/web").asText()).isEqualTo("UP");
            assertThat(health.get("web").asText()).isEqualTo(web);
        }
    }

    @Test
    void aRunWithoutABuiltSiteSaysSoInItsHealth(@TempDir Path empty) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(LocalConfig.defaults()
                .withPort(0)
                .withWebPort(0)
                .withWebRoot(empty)
                .withTableName("web-" + UUID.randomUUID().toString().substring(0, 8))
                .withEndpoint(Emulator.endpoint())
                .withTemplate(TestTemplates.path("it-template.yaml")))) {
            assertThat(platform.awaitHealthy(Duration.ofSeconds(5))).isFalse();
            JsonNode health = LocalMapper.MAPPER.readTree(send(HttpRequest.newBuilder(
                    URI.create(platform.apiBaseUrl() + "/_local/health"))).body());
            assertThat(health.at("/components/web").asText()).isEqualTo("NOT_BUILT");
        }
    }
}

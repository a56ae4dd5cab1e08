package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The project's own template.yaml and handlers come up locally against the emulator. */
class ProjectTemplateIT {
    @Test
    void theProjectComesUpHealthy() throws Exception {
        Optional<Path> template = SamTemplate.find(Path.of(""));
        Assumptions.assumeTrue(template.isPresent(), "no template.yaml above " + Path.of("").toAbsolutePath());
        String table = "project-it-" + UUID.randomUUID().toString().substring(0, 8);

        try (LocalPlatform platform = LocalPlatform.start(LocalConfig.defaults().withPort(0).withTableName(table)
                .withEndpoint(Emulator.endpoint()).withTemplate(template.get()))) {
            assertThat(platform.awaitHealthy(Duration.ofSeconds(60))).as("healthy").isTrue();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(platform.apiBaseUrl() + "/_local/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(LocalMapper.MAPPER.readTree(health.body()).get("status").asText()).isEqualTo("UP");
        }
    }
}

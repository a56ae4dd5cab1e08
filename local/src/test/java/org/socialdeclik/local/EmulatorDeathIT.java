package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A dead emulator is loud: the local run notices that the moto it started has died, says so in
 * {@code /_local/health} and on make run's console, and make run stops with a non-zero status.
 * Each test starts its own emulator (as make run does) and kills it as the kernel's
 * out-of-memory killer would, with SIGKILL.
 */
class EmulatorDeathIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern MOTO_PID = Pattern.compile("moto pid (\\d+)");

    @Test
    void healthSaysDownWithTheReasonOnceTheEmulatorIsKilled() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        try (LocalPlatform platform = LocalPlatform.start(LocalConfig.defaults()
                .withPort(0)
                .withTableName("death-" + UUID.randomUUID().toString().substring(0, 8))
                .withModeration(false)
                .withTemplate(TestTemplates.path("it-template.yaml")))) {
            assertThat(platform.awaitHealthy(Duration.ofSeconds(60))).as("healthy before the kill").isTrue();
            platform.onEmulatorDown(told::add);

            long pid = platform.emulatorPid().orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            HttpResponse<String> health = awaitDown(platform.apiBaseUrl(), Duration.ofSeconds(20));
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode report = LocalMapper.MAPPER.readTree(health.body());
            assertThat(report.path("status").asText()).isEqualTo("DOWN");
            assertThat(report.path("components").path("emulator").asText()).isEqualTo("DOWN");
            assertThat(report.path("reason").asText())
                    .contains("pid " + pid)
                    .contains("killed by signal 9 (SIGKILL)")
                    .contains("the local data")
                    .contains("is gone");
            assertThat(told).containsExactly(report.path("reason").asText());
        }
    }

    @Test
    void makeRunSaysWhatHappenedAndExitsWithStatus3() throws Exception {
        Path output = Files.createTempFile("emulator-death-run-", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LocalPlatform.class.getName(), "--port", "0", "--web-port", "off",
                "--table", "death-run-" + UUID.randomUUID().toString().substring(0, 8),
                "--template", TestTemplates.path("it-template.yaml").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("AWS_ENDPOINT_URL"); // its own emulator, as make run starts it
        Process run = builder.start();
        try {
            String started = awaitOutput(output, "Ready:", run, Duration.ofSeconds(90));
            Matcher pid = MOTO_PID.matcher(started);
            assertThat(pid.find()).as("the banner names the emulator's pid:%n%s", started).isTrue();

            ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow().destroyForcibly();

            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("make run stopped").isTrue();
            String said = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(run.exitValue()).as(said).isEqualTo(3);
            assertThat(said)
                    .contains("The local run has lost its emulator")
                    .contains("killed by signal 9 (SIGKILL)")
                    .contains("the local data is gone")
                    .contains("Run make run again");
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static HttpResponse<String> awaitDown(String api, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last;
        do {
            last = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/_local/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (LocalMapper.MAPPER.readTree(last.body()).path("status").asText().equals("DOWN")) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static String awaitOutput(Path output, String marker, Process run, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (text.contains(marker)) {
                return text;
            }
            if (!run.isAlive()) {
                throw new AssertionError("make run stopped before it was ready:\n" + text);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("make run was not ready within " + timeout + ":\n"
                + Files.readString(output, StandardCharsets.UTF_8));
    }
}

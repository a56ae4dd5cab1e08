package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /_local/health} from the phases' results alone: no emulator, no flag. */
class LocalHealthTest {
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:5000");
    private static final Provisioning.Provisioned PROVISIONED = new Provisioning.Provisioned(null, List.of("t"),
            List.of("no-reply@example.org"), List.of(), Map.of("F", Map.of("TABLE_NAME", "t")), "on");

    private static LocalHealth health(String emulatorDown, boolean closing, Provisioning.Provisioned provisioned,
            LocalRuntime runtime) {
        return new LocalHealth(ENDPOINT, emulatorDown == null, emulatorDown, closing, provisioned, runtime, null,
                "http://127.0.0.1:8080", "http://127.0.0.1:3000", new FailureDestination(), new Outbox());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> components(ApiServer.HealthReport report) {
        return (Map<String, Object>) report.details().get("components");
    }

    /** The runtime phase of a template without functions: nothing to poll, nothing to schedule. */
    private static void withEmptyRuntime(java.util.function.Consumer<LocalRuntime> test) {
        SamTemplate template = SamTemplate.parse("Resources: {}\n");
        LocalPlan plan = LocalPlan.read(Path.of("template.yaml"), template,
                LocalConfig.defaults().withWebBaseUrl("http://127.0.0.1:8080"));
        try (ApiServer api = new ApiServer(0, () -> null, new Outbox(), Map::of)) {
            LocalRuntime runtime = LocalRuntime.start(plan, PROVISIONED, api, null, new LocalTopics("eu-west-3", "1"),
                    null, new FailureDestination());
            try {
                test.accept(runtime);
            } finally {
                runtime.stop();
            }
        }
    }

    @Test
    void startingUntilEveryPhaseHasItsResult() {
        ApiServer.HealthReport before = health(null, false, null, null).report();
        ApiServer.HealthReport provisioned = health(null, false, PROVISIONED, null).report();

        assertThat(before.up()).isFalse();
        assertThat(before.details()).containsEntry("status", "STARTING").containsEntry("tables", List.of())
                .containsEntry("moderation", null);
        assertThat(components(before)).containsEntry("emulator", "UP").containsEntry("tables", "DOWN")
                .containsEntry("functions", "DOWN").containsEntry("web", "NOT_SERVED");
        assertThat(provisioned.details()).containsEntry("status", "STARTING").containsEntry("tables", List.of("t"))
                .containsEntry("moderation", "on");
        assertThat(components(provisioned)).containsEntry("tables", "UP").containsEntry("secrets", "UP")
                .containsEntry("emailIdentities", "UP").containsEntry("functions", "DOWN");
    }

    @Test
    void upOnceTheRuntimeHasStarted() {
        withEmptyRuntime(runtime -> {
            ApiServer.HealthReport report = health(null, false, PROVISIONED, runtime).report();

            assertThat(report.up()).isTrue();
            assertThat(report.details()).containsEntry("status", "UP").doesNotContainKey("reason");
            assertThat(components(report)).containsEntry("functions", "UP").containsEntry("streamPollers", "UP");
        });
    }

    @Test
    void downWithItsReasonWhenTheEmulatorDiedWhateverElseRuns() {
        withEmptyRuntime(runtime -> {
            ApiServer.HealthReport report = health("the emulator (moto, pid 1) stopped", false, PROVISIONED, runtime)
                    .report();

            assertThat(report.up()).isFalse();
            assertThat(report.details()).containsEntry("status", "DOWN")
                    .containsEntry("reason", "the emulator (moto, pid 1) stopped");
            assertThat(components(report)).containsEntry("emulator", "DOWN");
        });
    }

    @Test
    void anUnverifiedSenderKeepsTheRunFromBeingUpAndClosingStopsIt() {
        Provisioning.Provisioned unverified = new Provisioning.Provisioned(null, List.of("t"),
                List.of("no-reply@example.org"), List.of("no-reply@example.org"), Map.of(), "on");
        withEmptyRuntime(runtime -> {
            ApiServer.HealthReport report = health(null, false, unverified, runtime).report();
            ApiServer.HealthReport closing = health(null, true, PROVISIONED, runtime).report();

            assertThat(report.up()).isFalse();
            assertThat(components(report)).containsEntry("emailIdentities", "UNVERIFIED");
            assertThat(closing.up()).isFalse();
            assertThat(closing.details()).containsEntry("status", "STOPPING");
        });
    }
}

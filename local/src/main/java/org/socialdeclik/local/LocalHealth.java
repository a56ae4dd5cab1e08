package org.socialdeclik.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_local/health}, computed from what the local run's phases produced: nothing is
 * kept here. A phase that has not finished has no result yet (null), and what it covers is DOWN;
 * the emulator is DOWN once it has died ({@link EmulatorDown}), and the whole run with it.
 *
 * @param endpoint the emulator's endpoint; null until it is known
 * @param emulatorAlive false once the emulator this run started has exited
 * @param emulatorDown why the emulator is gone; null while it runs
 * @param provisioned the provisioning phase's result; null until it has finished
 * @param runtime the runtime phase's result; null until it has started
 * @param web the web app's server; null when this run serves none
 * @param api the API's address; null until it is bound
 */
record LocalHealth(URI endpoint, boolean emulatorAlive, String emulatorDown, boolean closing,
                   Provisioning.Provisioned provisioned, LocalRuntime runtime, WebServer web, String webBaseUrl,
                   String api, FailureDestination failures, Outbox outbox) {

    ApiServer.HealthReport report() {
        boolean emulatorUp = emulatorDown == null && endpoint != null && emulatorAlive;
        boolean provisionedUp = provisioned != null;
        boolean sendersVerified = provisionedUp && provisioned.unverifiedSenders().isEmpty();
        boolean functionsUp = runtime != null;
        boolean pollersUp = functionsUp && runtime.pollersReady();
        boolean webUp = web == null || web.built();

        Map<String, Object> components = new LinkedHashMap<>();
        components.put("emulator", emulatorUp ? "UP" : "DOWN");
        components.put("tables", provisionedUp ? "UP" : "DOWN");
        components.put("secrets", provisionedUp ? "UP" : "DOWN");
        components.put("emailIdentities", provisionedUp ? (sendersVerified ? "UP" : "UNVERIFIED") : "DOWN");
        components.put("functions", functionsUp ? "UP" : "DOWN");
        components.put("streamPollers", pollersUp ? "UP" : "DOWN");
        components.put("web", web == null ? "NOT_SERVED" : web.built() ? "UP" : "NOT_BUILT");
        boolean up = !closing && emulatorUp && sendersVerified && functionsUp && pollersUp && webUp;

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", up ? "UP" : emulatorDown != null ? "DOWN" : closing ? "STOPPING" : "STARTING");
        if (emulatorDown != null) {
            details.put("reason", emulatorDown);
        }
        details.put("components", components);
        details.put("emulator", endpoint == null ? null : endpoint.toString());
        details.put("tables", provisionedUp ? provisioned.tables() : List.of());
        details.put("api", api);
        details.put("web", webBaseUrl);
        details.put("webRoot", web == null ? null : web.root().toString());
        details.put("moderation", provisionedUp ? provisioned.moderation() : null);
        Map<String, String> containers = new LinkedHashMap<>();
        if (functionsUp) {
            runtime.functions().forEach((id, function) -> containers.put(id, function.containerStatus()));
        }
        details.put("containers", containers);
        List<Object> pollerStatus = new ArrayList<>();
        List<Object> scheduleStatus = new ArrayList<>();
        if (functionsUp) {
            runtime.pollers().forEach(p -> pollerStatus.add(p.status()));
            runtime.schedules().values().forEach(schedule -> scheduleStatus.add(schedule.status()));
        }
        details.put("streamPollers", pollerStatus);
        details.put("schedules", scheduleStatus);
        details.put("failedRecords", failures.records());
        details.put("failedBatches", failures.discarded().size());
        details.put("emailsSent", outbox.emails().size());
        return new ApiServer.HealthReport(up, details);
    }
}

package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialdeclik.local.testfunctions.GateHttpHandler;

/**
 * LOCAL_CONCURRENCY through the local API: concurrent calls of one function run at once, each in
 * its own container (a handler instance made by the init path), up to the pool size; the rest wait.
 */
class LocalConcurrencyTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private ApiServer api;

    @BeforeEach
    void closeTheGate() {
        GateHttpHandler.reset();
    }

    @AfterEach
    void stop() {
        GateHttpHandler.open();
        if (api != null) {
            api.close();
        }
    }

    private LocalFunction serve(int containers) {
        SamTemplate.FunctionSpec spec = new SamTemplate.FunctionSpec("GateFunction", "GateFunction",
                GateHttpHandler.class.getName(), 30, 128, Map.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
        LocalFunction function = LocalFunction.create(spec, Map.of(), "eu-west-3", "123456789012", containers);
        Routes<LocalFunction> routes = new Routes<>();
        routes.add("GET", "/gate", function);
        api = new ApiServer(0, () -> new ApiServer.HealthReport(true, Map.of()), new Outbox(), Map::of);
        api.serve(routes, null);
        return function;
    }

    private List<CompletableFuture<HttpResponse<String>>> call(int times) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/gate"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not in 10 s: " + GateHttpHandler.RUNNING.get() + " running");
            }
            Thread.sleep(10);
        }
    }

    private static List<String> bodies(List<CompletableFuture<HttpResponse<String>>> answers) {
        return answers.stream().map(CompletableFuture::join).peek(r -> assertThat(r.statusCode()).isEqualTo(200))
                .map(HttpResponse::body).toList();
    }

    @Test
    void concurrentCallsRunAtOnceInSeparateContainersUpToThePoolSizeAndTheRestWait() throws Exception {
        LocalFunction function = serve(3);
        assertThat(GateHttpHandler.INSTANCES.get()).as("one container initialised at start").isEqualTo(1);

        List<CompletableFuture<HttpResponse<String>>> answers = call(6);
        await(() -> GateHttpHandler.RUNNING.get() == 3);
        Thread.sleep(300);

        assertThat(GateHttpHandler.RUNNING.get()).as("the other three wait for a container").isEqualTo(3);
        assertThat(GateHttpHandler.INSTANCES.get()).isEqualTo(3);
        assertThat(GateHttpHandler.USED).hasSize(3);
        assertThat(answers).noneMatch(CompletableFuture::isDone);

        GateHttpHandler.open();
        assertThat(bodies(answers)).hasSize(6).containsOnly("container-1", "container-2", "container-3");
        assertThat(GateHttpHandler.PEAK.get()).isEqualTo(3);
        assertThat(GateHttpHandler.INSTANCES.get()).as("warm containers are reused").isEqualTo(3);
        assertThat(function.containers()).isEqualTo(3);
        assertThat(function.peakConcurrency()).isEqualTo(3);
        assertThat(function.containerStatus()).isEqualTo("3 of 3 containers, at most 3 invocations at once");
    }

    @Test
    void withOneContainerTheCallsRunOneAtATime() throws Exception {
        LocalFunction function = serve(1);

        List<CompletableFuture<HttpResponse<String>>> answers = call(3);
        await(() -> GateHttpHandler.RUNNING.get() == 1);
        Thread.sleep(300);

        assertThat(GateHttpHandler.RUNNING.get()).isEqualTo(1);
        GateHttpHandler.open();
        assertThat(bodies(answers)).containsOnly("container-1");
        assertThat(GateHttpHandler.PEAK.get()).isEqualTo(1);
        assertThat(function.containers()).isEqualTo(1);
    }

    @Test
    void callsMadeOneAfterTheOtherStayInOneWarmContainer() {
        LocalFunction function = serve(4);
        GateHttpHandler.open();

        for (int i = 0; i < 5; i++) {
            assertThat(bodies(call(1))).containsExactly("container-1");
        }
        assertThat(function.containers()).isEqualTo(1);
        assertThat(GateHttpHandler.INSTANCES.get()).isEqualTo(1);
    }
}

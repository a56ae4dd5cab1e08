package org.socialdeclik.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker-free local run: drives the real handlers in one JVM as {@code template.yaml} wires
 * them, on an emulator (moto, started here unless {@code AWS_ENDPOINT_URL} names one).
 *
 * <ul>
 *   <li>provisions what the template declares: the DynamoDB table (keys, indexes, stream, TTL),
 *       the signing-key secret (a fresh random value), the SES sender identity and configuration set;
 *   <li>instantiates each function's handler once, through its {@code (Map<String, String>)}
 *       constructor, with its environment resolved from the template;
 *   <li>serves the HttpApi routes on 127.0.0.1 as API Gateway would (payload format 2.0, CORS);
 *   <li>serves the built web app (web/dist) as the deployed site does, when the configuration asks
 *       for it ({@code make run} does: http://127.0.0.1:8080, the WEB_BASE_URL of the emails);
 *   <li>polls the table's stream for each DynamoDB event source, with its filters, batch size and
 *       retry settings, as Lambda's event source mapping would;
 *   <li>keeps every email SES accepted ({@code GET /_local/emails}) and reports readiness
 *       ({@code GET /_local/health}).
 * </ul>
 *
 * <p>It runs in three phases, each leaving an immutable result: the {@link LocalPlan} read from
 * the template (pure: nothing is started until the whole template has been read and checked),
 * {@link Provisioning} (what was created on the emulator, each function's environment) and the
 * {@link LocalRuntime} (handlers, routes, schedules, stream pollers). {@code /_local/health} is
 * computed from those results ({@link LocalHealth}).
 *
 * <p>{@code main} is {@code make run}; tests use {@link #start(LocalConfig)}.
 */
public final class LocalPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);
    static final String ACCOUNT_ID = HttpEvents.ACCOUNT_ID;

    private volatile LocalConfig config; // its webBaseUrl is settled in boot() once the web server has its port
    private final Outbox outbox = new Outbox();
    private final FailureDestination failures = new FailureDestination();
    private final LocalTopics topics = new LocalTopics(LocalConfig.DEFAULT_REGION, ACCOUNT_ID);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final EmulatorDown emulatorDown = new EmulatorDown();
    // Each is set once, when its part has started: the phases' results, and the parts close() stops.
    private volatile Provisioning.Provisioned provisioned;
    private volatile LocalRuntime runtime;
    private volatile List<String> banner = List.of();
    private volatile MotoServer moto;
    private volatile URI endpoint;
    private volatile ApiServer api;
    private volatile WebServer web;
    private volatile LocalSes ses;
    private volatile LocalAws aws;

    private LocalPlatform(LocalConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        LocalConfig config;
        try {
            config = LocalConfig.fromEnvironment(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("local run: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalPlatform platform;
        try {
            platform = start(config);
        } catch (RuntimeException e) {
            LOG.error("The local run could not start", e);
            System.err.println("local run failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local run ...");
            platform.close();
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        }, "local-shutdown"));
        platform.onEmulatorDown(reason -> {
            System.err.println(EmulatorDown.console(reason, platform.moto.log()));
            System.exit(EmulatorDown.EXIT_STATUS);
        });
        System.out.println(platform.banner());
        if (platform.awaitHealthy(Duration.ofSeconds(60))) {
            System.out.println("Ready: " + platform.apiBaseUrl() + "/_local/health is UP"
                    + (platform.webBaseUrl() != null ? ", the web app is on " + platform.webBaseUrl() : "")
                    + ". Ctrl-C stops everything.");
        } else {
            System.out.println("Not healthy after 60 s: see " + platform.apiBaseUrl() + "/_local/health");
        }
        platform.awaitClosed();
    }

    /** Starts everything; the platform answers on {@link #apiBaseUrl()} when this returns. */
    public static LocalPlatform start(LocalConfig config) {
        LocalPlatform platform = new LocalPlatform(config);
        try {
            platform.boot();
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String apiBaseUrl() {
        return "http://127.0.0.1:" + api.port();
    }

    public int port() {
        return api.port();
    }

    /** Where the web app's links point (WEB_BASE_URL); when this run serves the web app, its address. */
    public String webBaseUrl() {
        return config.webBaseUrl();
    }

    /** The port of the web app this run serves, or -1 when it serves none. */
    public int webPort() {
        WebServer server = web;
        return server == null ? LocalConfig.NO_WEB : server.port();
    }

    /** The emails SES accepted while this platform ran. */
    public Outbox outbox() {
        return outbox;
    }

    /** The emulator endpoint (the one given, or the moto this platform started). */
    public URI endpoint() {
        return endpoint;
    }

    /** The process id of the emulator this platform started; empty when it uses one given by AWS_ENDPOINT_URL. */
    public java.util.OptionalLong emulatorPid() {
        MotoServer server = moto;
        return server == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(server.pid());
    }

    /**
     * Calls {@code listener} with the reason if the emulator this platform started stops on its own
     * (at once if it already has). {@code make run} prints it and exits with status 3.
     */
    public void onEmulatorDown(java.util.function.Consumer<String> listener) {
        emulatorDown.listen(listener);
    }

    public String tableName() {
        return config.tableName();
    }

    /** The environment a function was started with (for tests; it holds no secret value, only the ARN). */
    public Map<String, String> environmentOf(String logicalId) {
        Provisioning.Provisioned done = provisioned;
        return done == null ? Map.of() : done.environmentOf(logicalId);
    }

    /** Stream batches that exhausted their retries (coordinates only, no record data). */
    public List<Map<String, Object>> failedBatches() {
        return failures.discarded();
    }

    public boolean healthy() {
        return health().up();
    }

    /** Waits until every part is up; false if that does not happen in time. */
    public boolean awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (healthy()) {
                return true;
            }
            try {
                if (closed.await(100, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return healthy();
    }

    /** Blocks until {@link #close()}. */
    public void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void boot() {
        Path templatePath = LocalPlan.locateTemplate(config);
        SamTemplate template = SamTemplate.load(templatePath);
        if (config.servesWeb()) {
            Path root = config.webRoot() != null ? config.webRoot()
                    : templatePath.toAbsolutePath().getParent().resolve("web").resolve("dist");
            web = new WebServer(config.webPort(), root, this::apiAddress);
            if (!web.built()) {
                LOG.warn("No built web app in {}: run make web-build (make run does it)", web.root());
            }
        }
        if (config.webBaseUrl() == null) {
            config = config.withWebBaseUrl(web != null ? web.baseUrl() : LocalConfig.DEFAULT_WEB_BASE_URL);
        }
        // Phase 1: everything that can be checked without the emulator is checked first.
        LocalPlan plan = LocalPlan.read(templatePath, template, config);
        topics.sesEventTopics(template.sesEventTopicsByType());

        api = new ApiServer(config.port(), this::health, outbox, this::schedules, topics);
        if (config.endpoint() != null) {
            endpoint = config.endpoint();
            LOG.info("Using the emulator at {} (AWS_ENDPOINT_URL)", endpoint);
        } else {
            moto = MotoServer.start(MotoServer.locate(config.motoServer(), Path.of("")), Duration.ofSeconds(60),
                    (pid, how) -> {
                        if (!closing.get()) {
                            emulatorDown.died(pid, how);
                        }
                    });
            endpoint = moto.endpoint();
        }
        aws = new LocalAws(endpoint, config.region());
        ses = new LocalSes(endpoint, outbox, topics);
        api.serveFaults(new FaultEndpoints(ses, failures));

        // Phase 2: the emulator gets what the template declares.
        Provisioning.Provisioned provisioned = Provisioning.run(plan, aws, failures, apiBaseUrl(), endpoint,
                ses.endpoint());
        this.provisioned = provisioned;

        // Phase 3: the handlers, the routes, the schedules, the pollers.
        Cors cors = Cors.from(provisioned.intrinsics().resolve(plan.corsConfiguration()), localOrigins());
        runtime = LocalRuntime.start(plan, provisioned, api, cors, topics, aws, failures);
        banner = LocalBanner.describe(plan, provisioned, apiBaseUrl(), web, endpoint, moto);
    }

    private Map<String, LocalSchedule> schedules() {
        LocalRuntime running = runtime;
        return running == null ? Map.of() : running.schedules();
    }

    private List<String> localOrigins() {
        String web = Cors.origin(config.webBaseUrl());
        List<String> origins = new ArrayList<>(List.of(web));
        if (this.web != null && !origins.contains(this.web.baseUrl())) {
            origins.add(this.web.baseUrl()); // the site this run serves, wherever the emails point
        }
        if (web.contains("://127.0.0.1")) {
            origins.add(web.replace("://127.0.0.1", "://localhost"));
        } else if (web.contains("://localhost")) {
            origins.add(web.replace("://localhost", "://127.0.0.1"));
        }
        return origins;
    }

    /** The API's address as the web app's config.js gives it (the configured port until the API is bound). */
    private String apiAddress() {
        return api != null ? apiBaseUrl() : "http://127.0.0.1:" + config.port();
    }

    ApiServer.HealthReport health() {
        MotoServer server = moto;
        ApiServer bound = api;
        return new LocalHealth(endpoint, server == null || server.alive(), emulatorDown.reason(), closing.get(),
                provisioned, runtime, web, config.webBaseUrl(), bound == null ? null : apiBaseUrl(), failures, outbox)
                .report();
    }

    String banner() {
        return String.join(System.lineSeparator(), banner);
    }

    /** Stops the pollers, the API and the emulator it started. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            LocalRuntime running = runtime;
            // in this order: what calls the functions, then what they call, the emulator last
            closeEach(running == null ? null : running::stop, api, web, ses, aws, moto);
        } finally {
            closed.countDown();
        }
    }

    /** Closes each part that has started (null: not started), on through one that fails to close. */
    private static void closeEach(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Stopping the local run: {} did not close cleanly", part.getClass().getSimpleName(), e);
            }
        }
    }
}

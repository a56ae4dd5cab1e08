package org.socialdeclik.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * <p>{@code main} is {@code make run}; tests use {@link #start(LocalConfig)}.
 */
public final class LocalPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);
    static final String ACCOUNT_ID = HttpEvents.ACCOUNT_ID;

    private LocalConfig config; // its webBaseUrl is settled in boot() once the web server has its port
    private final Outbox outbox = new Outbox();
    private final FailureDestination failures = new FailureDestination();
    private volatile LocalSes ses;
    private final List<StreamPoller> pollers = new CopyOnWriteArrayList<>();
    private final Map<String, LocalSchedule> schedules = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final LocalTopics topics = new LocalTopics(LocalConfig.DEFAULT_REGION, ACCOUNT_ID);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "schedules");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final List<String> tables = new CopyOnWriteArrayList<>();
    private final List<String> identities = new CopyOnWriteArrayList<>();
    private final List<String> unverifiedIdentities = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<String> banner = new ArrayList<>();
    private final EmulatorDown emulatorDown = new EmulatorDown();
    private volatile boolean provisioned;
    private volatile String moderation;
    private volatile boolean functionsReady;
    private volatile MotoServer moto;
    private volatile URI endpoint;
    private ApiServer api;
    private volatile WebServer web;
    private LocalAws aws;
    private SamTemplate template;
    private Path templatePath;

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
        return environments.getOrDefault(logicalId, Map.of());
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
        templatePath = config.template() != null ? config.template()
                : SamTemplate.find(Path.of("")).orElseThrow(() -> new TemplateException(
                        "No template.yaml in " + Path.of("").toAbsolutePath() + " or its parents"));
        template = SamTemplate.load(templatePath);
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
        String region = config.region();
        Map<String, Object> pseudo = new LinkedHashMap<>();
        pseudo.put("AWS::Region", region);
        pseudo.put("AWS::AccountId", ACCOUNT_ID);
        pseudo.put("AWS::StackName", config.tableName());
        pseudo.put("AWS::StackId", "arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID + ":stack/"
                + config.tableName() + "/local");
        pseudo.put("AWS::Partition", "aws");
        pseudo.put("AWS::URLSuffix", "amazonaws.com");
        pseudo.put("AWS::NotificationARNs", List.of());
        // The web app's origin and URL are the local ones whatever the template defaults to.
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("WebOrigin", Cors.origin(config.webBaseUrl()));
        parameters.put("WebBaseUrl", config.webBaseUrl());
        parameters.putAll(config.parameterOverrides());
        Intrinsics intrinsics = new Intrinsics(template, parameters, LocalConfig.LOCAL_PARAMETER_VALUES, pseudo);

        // Everything that can be checked without the emulator is checked first.
        List<SamTemplate.FunctionSpec> specs = template.functions(intrinsics);
        topics.sesEventTopics(template.sesEventTopicsByType());
        Map<String, List<EventPattern>> filters = new LinkedHashMap<>();
        Routes<SamTemplate.FunctionSpec> routeCheck = new Routes<>();
        for (SamTemplate.FunctionSpec spec : specs) {
            for (SamTemplate.StreamSource source : spec.streamSources()) {
                List<EventPattern> patterns = new ArrayList<>();
                for (String pattern : source.filterPatterns()) {
                    try {
                        patterns.add(EventPattern.parse(pattern));
                    } catch (TemplateException e) {
                        throw new TemplateException("Function " + spec.logicalId() + ", event " + source.eventName()
                                + ": " + e.getMessage(), e);
                    }
                }
                filters.put(spec.logicalId() + "." + source.eventName(), patterns);
            }
            for (SamTemplate.HttpRoute route : spec.httpRoutes()) {
                routeCheck.add(route.method(), route.path(), spec);
            }
        }

        api = new ApiServer(config.port(), this::health, outbox, () -> schedules, topics);
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
        aws = new LocalAws(endpoint, region);
        ses = new LocalSes(endpoint, outbox, topics);
        api.serveFaults(new FaultEndpoints(ses, failures));
        provision(intrinsics);

        for (SamTemplate.FunctionSpec spec : specs) {
            environments.put(spec.logicalId(),
                    FunctionEnvironment.resolve(spec, intrinsics, config, apiBaseUrl(), endpoint, ses.endpoint()));
        }
        moderation = moderation();
        Set<String> senders = new LinkedHashSet<>(identities);
        environments.values().forEach(env -> {
            if (env.get("SENDER_EMAIL") != null) {
                senders.add(LocalAws.address(env.get("SENDER_EMAIL")));
            }
        });
        identities.clear();
        identities.addAll(senders);
        for (String identity : senders) {
            if (!aws.verifyEmailIdentity(identity)) {
                unverifiedIdentities.add(identity);
                LOG.warn("SES does not report {} as verified: sending from it may be refused", identity);
            }
        }
        provisioned = true;

        Routes<LocalFunction> routes = new Routes<>();
        for (SamTemplate.FunctionSpec spec : specs) {
            LocalFunction function = LocalFunction.create(spec, environments.get(spec.logicalId()), region, ACCOUNT_ID,
                    config.concurrency());
            functions.put(spec.logicalId(), function);
            LOG.info("Function {} ({}) initialised in {} ms", spec.logicalId(), spec.handlerClass(),
                    function.initDuration().toMillis());
            for (SamTemplate.HttpRoute route : spec.httpRoutes()) {
                routes.add(route.method(), route.path(), function);
            }
            for (SamTemplate.ScheduleSource source : spec.schedules()) {
                LocalSchedule schedule = new LocalSchedule(function, source, region, ACCOUNT_ID);
                schedules.put(schedule.key(), schedule);
                schedule.start(timers);
            }
            for (SamTemplate.TopicSubscription subscription : spec.topics()) {
                topics.subscribe(subscription.topic(), function);
            }
            if (!spec.unsupportedEvents().isEmpty()) {
                LOG.warn("Function {}: events not emulated locally: {}", spec.logicalId(), spec.unsupportedEvents());
            }
        }
        Cors cors = Cors.from(intrinsics.resolve(corsConfiguration()), localOrigins());
        if (cors == null && !routes.all().isEmpty()) {
            LOG.warn("The template declares no CorsConfiguration: browsers on {} cannot call the API",
                    config.webBaseUrl());
        }
        api.serve(routes, cors);
        functionsReady = true;

        for (SamTemplate.FunctionSpec spec : specs) {
            for (SamTemplate.StreamSource source : spec.streamSources()) {
                if (!source.enabled()) {
                    continue;
                }
                String streamArn = intrinsics.resolveString(source.stream());
                if (streamArn == null || !streamArn.contains("/stream/")) {
                    throw new TemplateException("Function " + spec.logicalId() + ", event " + source.eventName()
                            + ": Stream does not name a table stream with StreamSpecification (" + streamArn + ")");
                }
                StreamPoller poller = new StreamPoller(functions.get(spec.logicalId()), source, streamArn,
                        filters.get(spec.logicalId() + "." + source.eventName()), aws.streams, region, failures,
                        FailureDestination.destination(intrinsics, source.onFailureDestination()), config.pollInterval());
                pollers.add(poller);
                poller.start();
            }
        }
        describe(specs, filters);
    }

    private void provision(Intrinsics intrinsics) {
        List<SamTemplate.Resource> declaredTables = active(template.resourcesOfType(SamTemplate.TABLE), intrinsics);
        for (SamTemplate.Resource table : declaredTables) {
            String name = declaredTables.size() == 1 ? config.tableName()
                    : config.tableName() + "-" + table.logicalId();
            LocalAws.Table created = aws.createTable(name, table.properties(), intrinsics, table.logicalId());
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("Arn", created.arn());
            if (created.streamArn() != null) {
                attributes.put("StreamArn", created.streamArn());
            }
            intrinsics.bind(table.logicalId(), name, attributes);
            tables.add(name);
            LOG.info("Table {} {} (resource {}, stream {})", name, created.created() ? "created" : "reused",
                    table.logicalId(), created.streamArn());
        }
        for (SamTemplate.Resource secret : active(template.resourcesOfType(SamTemplate.SECRET), intrinsics)) {
            LocalAws.Secret created = aws.createSecret(LocalAws.secretName(config.tableName(), secret.logicalId()),
                    secret.properties(), intrinsics);
            intrinsics.bind(secret.logicalId(), created.arn(), Map.of("Id", created.arn()));
            LOG.info("Secret {} {} ({})", secret.logicalId(),
                    created.created() ? "created with a fresh random value" : "reused with its value", created.arn());
        }
        for (SamTemplate.Resource set : active(template.resourcesOfType(SamTemplate.SES_CONFIGURATION_SET),
                intrinsics)) {
            String name = intrinsics.resolveString(set.properties().get("Name"));
            if (name == null) {
                name = config.tableName() + "-" + set.logicalId();
            }
            String outcome = aws.createConfigurationSet(name);
            intrinsics.bind(set.logicalId(), name, Map.of());
            LOG.info("SES configuration set {} {}", name, outcome);
        }
        for (SamTemplate.Resource identity : active(template.resourcesOfType(SamTemplate.SES_EMAIL_IDENTITY),
                intrinsics)) {
            String name = intrinsics.resolveString(identity.properties().get("EmailIdentity"));
            if (name != null) {
                intrinsics.bind(identity.logicalId(), name, Map.of());
                identities.add(LocalAws.address(name));
            }
        }
        failures.provisionQueues(active(template.resourcesOfType(SamTemplate.SQS_QUEUE), intrinsics), intrinsics, aws,
                config.tableName());
        Map<String, Object> apiAttributes = Map.of("ApiEndpoint", apiBaseUrl(), "ApiId", "local");
        intrinsics.bind("ServerlessHttpApi", "local", apiAttributes);
        for (SamTemplate.Resource httpApi : template.resourcesOfType(SamTemplate.HTTP_API)) {
            intrinsics.bind(httpApi.logicalId(), "local", apiAttributes);
        }
    }

    private static List<SamTemplate.Resource> active(List<SamTemplate.Resource> resources, Intrinsics intrinsics) {
        return resources.stream().filter(r -> r.condition() == null || intrinsics.condition(r.condition())).toList();
    }

    private Object corsConfiguration() {
        for (SamTemplate.Resource httpApi : template.resourcesOfType(SamTemplate.HTTP_API)) {
            Object cors = httpApi.properties().get("CorsConfiguration");
            if (cors != null) {
                return cors;
            }
        }
        return template.globals("HttpApi").get("CorsConfiguration");
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
        Map<String, Object> components = new LinkedHashMap<>();
        String down = emulatorDown.reason();
        boolean emulatorUp = down == null && endpoint != null && (moto == null || moto.alive());
        components.put("emulator", emulatorUp ? "UP" : "DOWN");
        components.put("tables", provisioned ? "UP" : "DOWN");
        components.put("secrets", provisioned ? "UP" : "DOWN");
        components.put("emailIdentities", provisioned ? (unverifiedIdentities.isEmpty() ? "UP" : "UNVERIFIED") : "DOWN");
        components.put("functions", functionsReady ? "UP" : "DOWN");
        boolean pollersUp = functionsReady && pollers.stream().allMatch(StreamPoller::ready);
        components.put("streamPollers", pollersUp ? "UP" : "DOWN");
        WebServer server = web;
        boolean webUp = server == null || server.built();
        components.put("web", server == null ? "NOT_SERVED" : server.built() ? "UP" : "NOT_BUILT");
        boolean up = !closing.get() && emulatorUp && provisioned && unverifiedIdentities.isEmpty() && functionsReady
                && pollersUp && webUp;

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", up ? "UP" : down != null ? "DOWN" : closing.get() ? "STOPPING" : "STARTING");
        if (down != null) {
            details.put("reason", down);
        }
        details.put("components", components);
        details.put("emulator", endpoint == null ? null : endpoint.toString());
        details.put("tables", List.copyOf(tables));
        details.put("api", api == null ? null : apiBaseUrl());
        details.put("web", config.webBaseUrl());
        details.put("webRoot", server == null ? null : server.root().toString());
        details.put("moderation", moderation);
        Map<String, String> containers = new LinkedHashMap<>();
        if (functionsReady) {
            functions.forEach((id, function) -> containers.put(id, function.containerStatus()));
        }
        details.put("containers", containers);
        List<Object> pollerStatus = new ArrayList<>();
        pollers.forEach(p -> pollerStatus.add(p.status()));
        details.put("streamPollers", pollerStatus);
        List<Object> scheduleStatus = new ArrayList<>();
        schedules.values().forEach(schedule -> scheduleStatus.add(schedule.status()));
        details.put("schedules", scheduleStatus);
        details.put("failedRecords", failures.records());
        details.put("failedBatches", failures.discarded().size());
        details.put("emailsSent", outbox.emails().size());
        return new ApiServer.HealthReport(up, details);
    }

    private String moderation() {
        for (Map<String, String> env : environments.values()) {
            if (env.containsKey("MODERATION")) {
                return env.get("MODERATION");
            }
        }
        return config.moderation();
    }

    private void describe(List<SamTemplate.FunctionSpec> specs, Map<String, List<EventPattern>> filters) {
        banner.add("Social Declik local run (no Docker) from " + templatePath);
        banner.add("  API        " + apiBaseUrl() + "   (/_local/health, /_local/emails, /_local/schedules, /_local/ses-feedback,"
                + " /_local/faults, /_local/failures)");
        banner.add("  Web app    " + config.webBaseUrl() + "   (WEB_BASE_URL in emails; "
                + (web != null ? "served from " + web.root() : "not served by this run") + ")");
        banner.add("  Emulator   " + endpoint + (moto != null ? "   (moto pid " + moto.pid() + ", log " + moto.log() + ")"
                : "   (AWS_ENDPOINT_URL)"));
        banner.add("  Tables     " + String.join(", ", tables));
        banner.add("  Senders    " + String.join(", ", identities));
        banner.add("  Moderation " + moderation);
        banner.add("  Functions  up to " + config.concurrency() + " containers each (LOCAL_CONCURRENCY); stream pollers "
                + "one batch at a time per shard");
        for (SamTemplate.FunctionSpec spec : specs) {
            List<String> triggers = new ArrayList<>();
            spec.httpRoutes().forEach(route -> triggers.add(route.routeKey()));
            for (SamTemplate.StreamSource source : spec.streamSources()) {
                triggers.add("stream " + source.eventName() + " (batch " + source.batchSize() + ", "
                        + filters.get(spec.logicalId() + "." + source.eventName()).size() + " filters"
                        + (source.enabled() ? "" : ", disabled") + ")");
            }
            for (SamTemplate.ScheduleSource source : spec.schedules()) {
                triggers.add("schedule " + source.expression() + " (POST /_local/schedules/" + spec.logicalId() + "/"
                        + source.eventName() + " runs it now)");
            }
            for (SamTemplate.TopicSubscription subscription : spec.topics()) {
                triggers.add("SNS " + subscription.topic() + " (POST /_local/sns/" + subscription.topic()
                        + (template.sesEventTopics().contains(subscription.topic())
                                ? "; POST /_local/ses-feedback simulates a bounce or complaint)" : ")"));
            }
            banner.add("  " + spec.logicalId() + "  " + spec.handlerClass() + "  " + String.join(", ", triggers));
            LOG.info("Function {} runs {} on {}", spec.logicalId(), spec.handler(), triggers);
            for (SamTemplate.StreamSource source : spec.streamSources()) {
                LOG.info("Function {} stream {}: batch {}, retries {}, bisect {}, report item failures {}, filters {}",
                        spec.logicalId(), source.eventName(), source.batchSize(), source.maximumRetryAttempts(),
                        source.bisectBatchOnFunctionError(), source.reportBatchItemFailures(),
                        source.filterPatterns());
            }
        }
        LOG.info("Local run: API {}, web {}, emulator {}, tables {}, moderation {}", apiBaseUrl(),
                config.webBaseUrl(), endpoint, tables, moderation);
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
            timers.shutdownNow();
            schedules.values().forEach(LocalSchedule::stop);
            if (api != null) {
                api.close();
            }
            if (web != null) {
                web.close();
            }
            pollers.forEach(StreamPoller::close);
            if (ses != null) {
                ses.close();
            }
            if (aws != null) {
                aws.close();
            }
            if (moto != null) {
                moto.close();
            }
        } finally {
            closed.countDown();
        }
    }
}

package org.socialdeclik.perf;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.socialdeclik.local.LocalConfig;
import org.socialdeclik.local.LocalPlatform;
import org.socialdeclik.profiles.ProfilesHandler;
import org.socialdeclik.shared.aws.AwsClients;
import org.socialdeclik.shared.aws.TableLayout;
import org.socialdeclik.shared.config.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * {@code make bench-coldstart}: every function of template.yaml started as Lambda starts it, from
 * the folder {@code sam build} made for it, under the Lambda Runtime Interface Emulator with the
 * Java runtime interface client as bootstrap, against the emulator (moto) that
 * {@code scripts/with-moto.sh} started; and, in the same run, a hello-world function packaged the
 * same way (the floor). Each start is fresh (a new emulator and JVM); the starts of all the
 * functions are interleaved run by run, so a busy machine slows them all alike.
 *
 * <p>Variants: {@code lambda}, the java25 runtime's own JVM flags; {@code aot}, the same plus a
 * JDK 25 AOT cache per package, recorded by one training start; {@code snapstart}, the runtime as
 * it initialises a SnapStart version (full tiered compilation, the CRaC {@code beforeCheckpoint}
 * hooks run after init, i.e. the priming), then the first invocation as after a restore (see
 * {@link RestoreProxy}; the restore itself is not emulated). See docs/performance.md.
 */
public final class ColdStartBench {
    static final String HELLO = "HelloWorld";
    /** The same hello world as a stream handler: no serializer built by the runtime. */
    static final String HELLO_STREAM = "HelloStream";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(120);

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Options(Path template, Path build, Path helloJar, Path runtime, Path rie, Path events, Path work,
            Path java, int runs, List<String> variants, int seedProfiles, Duration settle, List<String> only,
            List<String> jvmOpts) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            Path java = Path.of(given.getOrDefault("java", ProcessHandle.current().info().command()
                    .orElse(System.getProperty("java.home") + "/bin/java")));
            return new Options(Path.of(given.getOrDefault("template", "template.yaml")),
                    Path.of(given.getOrDefault("build", ".aws-sam/build")),
                    Path.of(given.getOrDefault("hello-jar", "perf/hello/target/hello-function.jar")),
                    Path.of(given.getOrDefault("runtime", "perf/target/lambda-runtime")),
                    Path.of(required(given, "rie")),
                    Path.of(given.getOrDefault("events", "events")),
                    Path.of(given.getOrDefault("work", "perf/target/coldstart")),
                    java,
                    Integer.parseInt(given.getOrDefault("runs", "5")),
                    List.of(given.getOrDefault("variants", "lambda").split(",")),
                    Integer.parseInt(given.getOrDefault("seed-profiles", "12")),
                    Duration.ofMillis(Long.parseLong(given.getOrDefault("settle-ms", "1500"))),
                    words(given.getOrDefault("only", ""), "[,\\s]+"),
                    words(given.getOrDefault("jvm-opts", ""), "\\s+"));
        }

        private static List<String> words(String text, String separator) {
            return Arrays.stream(text.split(separator)).filter(w -> !w.isBlank()).toList();
        }

        private static String required(Map<String, String> given, String name) {
            String value = given.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }
    }

    /** One package to start: a function of the template or the hello world. */
    record Target(String name, String handler, int memoryMb, Path dir) {}

    record Start(RieReport report, boolean handlerFailed) {}

    private ColdStartBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.println("command: make bench-coldstart (" + String.join(" ", args) + ")");
        new ColdStartBench(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run this through scripts/with-moto.sh");
        }
        List<TemplateFunctions.Function> functions = TemplateFunctions.read(options.template());
        List<Target> targets = new ArrayList<>();
        for (TemplateFunctions.Function f : functions) {
            if (!options.only().isEmpty() && !options.only().contains(f.logicalId())) {
                continue;
            }
            Path dir = options.build().resolve(f.logicalId()).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(dir + " is missing: run make sam-build first");
            }
            targets.add(new Target(f.logicalId(), f.handler(), f.memoryMb(), dir));
        }
        int memory = functions.isEmpty() ? 1024 : functions.get(0).memoryMb();
        Path helloDir = options.work().resolve("build").resolve(HELLO).toAbsolutePath();
        RieProcess.unpack(options.helloJar(), helloDir);
        targets.add(0, new Target(HELLO, "org.socialdeclik.perf.hello.HelloHandler::handleRequest", memory, helloDir));
        targets.add(1, new Target(HELLO_STREAM, "org.socialdeclik.perf.hello.HelloStreamHandler", memory, helloDir));

        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        int deliveries = options.runs() * options.variants().size() + options.variants().size() + 1;
        Deque<String> pending = seed(URI.create(endpoint), functions, environments, deliveries);
        environments.put(HELLO, helloEnvironment(environments, HELLO));
        environments.put(HELLO_STREAM, helloEnvironment(environments, HELLO_STREAM));
        ColdStartEvents events = new ColdStartEvents(options.events(), pending);

        System.out.printf(Locale.ROOT, "machine: %s %s, %d cores; JVM %s; emulator %s%n", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), options.java(),
                options.rie().getFileName());
        Map<String, Map<String, List<Start>>> results = new LinkedHashMap<>();
        for (String variant : options.variants()) {
            Map<String, Path> caches = new LinkedHashMap<>();
            if (variant.equals("aot")) {
                for (Target target : targets) {
                    caches.put(target.name(), train(target, environments.get(target.name()), events));
                }
            }
            Map<String, List<Start>> byTarget = new LinkedHashMap<>();
            targets.forEach(t -> byTarget.put(t.name(), new ArrayList<>()));
            for (int run = 0; run < options.runs(); run++) {
                for (int i = 0; i < targets.size(); i++) {
                    Target target = targets.get((i + run) % targets.size());
                    List<String> flags = new ArrayList<>(variant.equals("snapstart")
                            ? snapStartFlags(target.memoryMb()) : lambdaFlags(target.memoryMb()));
                    flags.addAll(options.jvmOpts());
                    if (caches.containsKey(target.name())) {
                        flags.add("-XX:AOTCache=" + caches.get(target.name()));
                    }
                    String label = variant + "-" + target.name() + "-" + run;
                    Start start = start(target, environments.get(target.name()), flags,
                            events.next(target.name(), label), label, false, variant.equals("snapstart"));
                    byTarget.get(target.name()).add(start);
                }
            }
            results.put(variant, byTarget);
        }
        ColdStartReport.print(targets, results, events, options.runs());
    }

    /**
     * The java25 runtime's JVM options as far as they matter here (see docs/performance.md): C1
     * only, the serial collector, the JDK's class-data archive (-Xshare:auto is the default), the
     * memory the function's micro-VM has (MaxRAM: this machine's RAM would otherwise give the JVM
     * an initial heap 24 times a Lambda one's, and hide the collections an init makes there), a
     * heap sized for the configured memory, and the CRaC hooks routed to the runtime client.
     */
    static List<String> lambdaFlags(int memoryMb) {
        return List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m",
                "-Djava.net.preferIPv4Stack=true",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", "--enable-native-access=ALL-UNNAMED");
    }

    /** With SnapStart the java25 runtime leaves tiered compilation whole; the rest is the same. */
    static List<String> snapStartFlags(int memoryMb) {
        return lambdaFlags(memoryMb).stream()
                .filter(flag -> !flag.startsWith("-XX:TieredStopAtLevel") && !flag.equals("-XX:+TieredCompilation"))
                .toList();
    }

    // ---------------------------------------------------------------- emulator data

    /**
     * Provisions the template's table, secret and sender through the local platform (as make run
     * does), activates a few freelancers so matching has candidates, reads each function's
     * environment, then stops the platform's pollers so nothing else touches the table; last,
     * registers freelancers whose verification emails stay unsent, for the notifier's starts.
     */
    private Deque<String> seed(URI endpoint, List<TemplateFunctions.Function> functions,
            Map<String, Map<String, String>> environments, int deliveries) {
        String table = "coldstart-" + UUID.randomUUID().toString().substring(0, 8);
        LocalConfig config = LocalConfig.defaults().withPort(0).withEndpoint(endpoint)
                .withTemplate(options.template()).withTableName(table).withPollInterval(Duration.ofMillis(100));
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            if (!platform.awaitHealthy(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the local platform did not become healthy");
            }
            LocalApi api = new LocalApi(platform, options.events());
            for (int i = 0; i < options.seedProfiles(); i++) {
                ObjectNode body = api.sampleBody("profiles/create.json");
                String email = "seed-" + i + "@example.org";
                body.put("email", email);
                api.post("/profiles", body);
                ObjectNode verify = LocalApi.JSON.createObjectNode().put("token",
                        api.awaitToken(email, "/verify?", Duration.ofSeconds(30)));
                if (api.post("/profiles/verify", verify).status() != 200) {
                    throw new IllegalStateException("could not verify a seeded profile");
                }
            }
            for (TemplateFunctions.Function f : functions) {
                Map<String, String> env = new LinkedHashMap<>(platform.environmentOf(f.logicalId()));
                // the local run's SES front goes with the platform: SES straight on the emulator
                env.remove("AWS_ENDPOINT_URL_SESV2");
                if (env.containsKey("RECOVERY_PENDING_AFTER_SECONDS")) {
                    // the sweep reads the ledger but leaves the notifier's pending emails to the notifier
                    env.put("RECOVERY_PENDING_AFTER_SECONDS", "86400");
                }
                environments.put(f.logicalId(), env);
            }
        }
        Map<String, String> profilesEnv = environments.get("ProfilesFunction");
        if (profilesEnv == null) {
            return new ArrayDeque<>();
        }
        ProfilesHandler profiles = new ProfilesHandler(profilesEnv);
        ObjectNode sample;
        try {
            sample = (ObjectNode) LocalApi.JSON.readTree(Files.readString(options.events().resolve("profiles/create.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < deliveries; i++) {
            ObjectNode body = (ObjectNode) readJson(sample.get("body").asText());
            body.put("email", "pending-" + i + "@example.org");
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey("POST /profiles")
                    .withRawPath("/profiles").withHeaders(Map.of("content-type", "application/json"))
                    .withBody(body.toString()).withIsBase64Encoded(false).build();
            int status = profiles.handleRequest(event, null).getStatusCode();
            if (status != 202) {
                throw new IllegalStateException("seeding a pending profile answered " + status);
            }
        }
        Deque<String> pending = new ArrayDeque<>();
        try (DynamoDbClient dynamo = new AwsClients(Env.of(profilesEnv)).dynamoDb()) {
            dynamo.scanPaginator(ScanRequest.builder().tableName(profilesEnv.get("TABLE_NAME"))
                    .filterExpression("#e = :o AND #k = :v AND #s = :p")
                    .expressionAttributeNames(Map.of("#e", TableLayout.ENTITY, "#k", TableLayout.KIND, "#s", TableLayout.STATE))
                    .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(TableLayout.Entity.OUTBOX.name()),
                            ":v", AttributeValue.fromS("VERIFY"), ":p", AttributeValue.fromS("PENDING")))
                    .build()).items().forEach(item -> pending.add(TableLayout.outboxEntry(item).id().substring("VERIFY#".length())));
        }
        return pending;
    }

    private static Object readJson(String text) {
        try {
            return LocalApi.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hello world gets what every function gets from the runtime: region, credentials, memory. */
    private static Map<String, String> helloEnvironment(Map<String, Map<String, String>> environments, String functionName) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> any = environments.values().stream().findFirst().orElse(Map.of());
        for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE")) {
            if (any.containsKey(name)) {
                env.put(name, any.get(name));
            }
        }
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        return env;
    }

    // ---------------------------------------------------------------- starting a package

    private Path train(Target target, Map<String, String> env, ColdStartEvents events) throws Exception {
        Path cache = options.work().resolve("aot").resolve(target.name() + ".aot").toAbsolutePath();
        Files.createDirectories(cache.getParent());
        Files.deleteIfExists(cache);
        List<String> flags = new ArrayList<>(lambdaFlags(target.memoryMb()));
        flags.add("-XX:AOTCacheOutput=" + cache);
        start(target, env, flags, events.next(target.name(), "train-" + target.name()), "train-" + target.name(), true,
                false);
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the training start of " + target.name() + " wrote no AOT cache");
        }
        return cache;
    }

    private Start start(Target target, Map<String, String> env, List<String> flags, String event, String label,
            boolean training, boolean snapStart) throws Exception {
        Path logs = Files.createDirectories(options.work().resolve("logs"));
        Path log = logs.resolve(label + ".log");
        int emulatorPort = RieProcess.freePort();
        int runtimePort = RieProcess.freePort();
        RestoreProxy proxy = snapStart ? new RestoreProxy(runtimePort, options.settle()) : null;
        Path bootstrap = bootstrap(target, flags, label, proxy == null ? null : "127.0.0.1:" + proxy.port());
        ProcessBuilder builder = new ProcessBuilder(options.rie().toAbsolutePath().toString(),
                "--runtime-interface-emulator-address", "127.0.0.1:" + emulatorPort,
                "--runtime-api-address", "127.0.0.1:" + runtimePort,
                bootstrap.toString(), target.handler());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.putAll(env);
        if (snapStart) {
            environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        }
        Process rie = builder.start();
        try {
            RieProcess.awaitPort(emulatorPort, rie);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + emulatorPort
                            + "/2015-03-31/functions/function/invocations"))
                    .timeout(INVOKE_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(event)).build();
            String answer = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            boolean failed = answer.contains("\"errorType\"") || answer.contains("\"statusCode\":5");
            RieReport report = RieProcess.awaitReport(log);
            if (snapStart) {
                // the emulated restore waited on purpose: not part of the init
                report = new RieReport(report.initMs() - options.settle().toMillis(), report.invokeMs(), report.status());
            }
            if (training) {
                // The AOT cache is written when the JVM exits: ask it to stop, as a shutdown would.
                for (ProcessHandle child : rie.descendants().toList()) {
                    child.destroy();
                    child.onExit().get(120, TimeUnit.SECONDS);
                }
            }
            if (failed || !report.succeeded()) {
                System.out.println("  ! " + label + " failed: " + RieProcess.abbreviate(answer) + " (log " + log + ")");
            }
            return new Start(report, failed || !report.succeeded());
        } finally {
            // stop the JVM as Lambda's shutdown does (SIGTERM, then kill): a profiler given in
            // --jvm-opts writes its file on the way out
            List<ProcessHandle> children = rie.descendants().toList();
            children.forEach(ProcessHandle::destroy);
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            }
            rie.destroyForcibly();
            rie.waitFor(30, TimeUnit.SECONDS);
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    private Path bootstrap(Target target, List<String> flags, String label, String runtimeApi) throws IOException {
        Path dir = Files.createDirectories(options.work().resolve("bootstrap"));
        String classpath;
        try (Stream<Path> jars = Files.list(options.runtime())) {
            classpath = jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(":"));
        }
        if (classpath.isEmpty()) {
            throw new IllegalStateException("no runtime jars in " + options.runtime() + ": build the perf module");
        }
        Path script = dir.resolve(label + ".sh");
        String text = "#!/bin/sh\n"
                + "# " + target.name() + ": as the java25 runtime starts it (cwd = the package root)\n"
                + "cd " + quote(target.dir().toString()) + " || exit 1\n"
                + (runtimeApi == null ? "" : "export AWS_LAMBDA_RUNTIME_API=" + runtimeApi + "\n")
                + "exec " + quote(options.java().toString()) + " " + String.join(" ", flags.stream().map(ColdStartBench::quote).toList())
                + " -cp " + quote(classpath) + " " + RIC_MAIN + " \"$_HANDLER\"\n";
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toAbsolutePath();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static boolean isHello(String name) {
        return name.equals(HELLO) || name.equals(HELLO_STREAM);
    }

}

package org.socialdeclik.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.socialdeclik.local.LocalConfig;
import org.socialdeclik.local.LocalPlatform;
import org.socialdeclik.local.SentEmail;
import org.socialdeclik.shared.aws.AwsClients;
import org.socialdeclik.shared.aws.TableLayout;
import org.socialdeclik.shared.config.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code make bench-api}: the local stack ({@code LocalPlatform}: the real handlers in one JVM,
 * wired as template.yaml says, on moto) driven over HTTP on 127.0.0.1.
 *
 * <ol>
 *   <li>The mix, {@code calls} API calls as the forms make them: freelancers sign up (POST
 *       /profiles) and confirm (POST /profiles/verify, token from the verification email);
 *       organisations submit missions (POST /missions; moderation on, the template's default) and
 *       the admin opens each one (GET /missions/{id} with the review link's token). Latency is
 *       taken at the client, per call, over loopback; the local edge's own share is measured
 *       beside it (GET /_local/health). The calls run in rounds of {@code round}, each on a fresh
 *       table (and, with {@code --moto}, a fresh emulator), so that the table's size in the
 *       emulator does not weigh on the figures as it would not in DynamoDB (docs/performance.md).
 *   <li>The fan-out: {@code fanout} active freelancers (one signed up through the API, the others
 *       copies of its items written in batches, so that seeding stays linear on moto), and one
 *       mission that fits them all, approved with {@code MaxMatchesPerMission} raised to the
 *       fan-out (a template parameter override; 25 by default). The proposals are counted as SES
 *       accepts them.
 * </ol>
 */
public final class ApiBench {
    private static final String ADMIN = "admin@socialdeclik.example";

    private final Map<String, List<Double>> latencies = new LinkedHashMap<>();
    private final List<Double> edge = new ArrayList<>();
    private final Map<String, long[]> mixCalls = new java.util.TreeMap<>();
    private final Map<String, long[]> mixStream = new java.util.TreeMap<>();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);
    private final long started = System.nanoTime();
    private int errors;
    private int done;

    public static void main(String[] args) {
        Map<String, String> given = BenchOptions.parse(args);
        int calls = Integer.parseInt(given.getOrDefault("calls", "1000"));
        int fanout = Integer.parseInt(given.getOrDefault("fanout", "500"));
        int round = Integer.parseInt(given.getOrDefault("round", "100"));
        Path template = Path.of(given.getOrDefault("template", "template.yaml"));
        Path events = Path.of(given.getOrDefault("events", "events"));
        System.out.println("command: make bench-api (" + String.join(" ", args) + ")");
        LocalConfig base = LocalConfig.defaults().withPort(0).withTemplate(template).withPollInterval(Duration.ofMillis(100));
        if (given.containsKey("moto")) {
            // each platform (round) starts its own emulator: see local/emulator/moto_server.py
            base = base.withMotoServer(Path.of(given.get("moto")).toAbsolutePath());
        } else {
            String endpoint = System.getenv("AWS_ENDPOINT_URL");
            if (endpoint == null || endpoint.isBlank()) {
                throw new IllegalStateException("give --moto PROGRAM, or run this through scripts/with-moto.sh");
            }
            base = base.withEndpoint(URI.create(endpoint));
        }
        new ApiBench().run(base, events, calls, round, fanout);
        System.exit(0);
    }

    private void run(LocalConfig base, Path events, int calls, int round, int fanout) {
        System.out.printf(Locale.ROOT, "mix: %d calls in rounds of %d (each: ~47%% POST /profiles, ~47%% POST /profiles/verify, "
                + "~3%% POST /missions, ~3%% GET /missions/{id}); then a fan-out to %d freelancers%n", calls, round, fanout);
        int left = calls;
        for (int r = 0; left > 0; r++) {
            int size = Math.min(round, left);
            LocalConfig config = base.withTableName("apibench-" + runId + "-" + r);
            try (LocalPlatform platform = start(config)) {
                LocalApi api = new LocalApi(platform, events);
                SdkCallCounter.Snapshot before = SdkCallCounter.snapshot();
                mixRound(api, r, size);
                api.awaitQuiet();
                add(mixCalls, SdkCallCounter.snapshot().minus(before).counts());
                addStream(mixStream, api.pollers());
                for (int i = 0; i < 5; i++) {
                    edge.add(api.call("GET", "/_local/health", null, null).millis());
                }
            }
            left -= size;
        }
        Fanout result;
        LocalConfig config = base.withTableName("apibench-" + runId + "-fanout")
                .withParameterOverrides(Map.of("MaxMatchesPerMission", String.valueOf(fanout)));
        try (LocalPlatform platform = start(config)) {
            result = fanout(new LocalApi(platform, events), platform, fanout);
        }
        report(calls, fanout, result);
    }

    private static LocalPlatform start(LocalConfig config) {
        LocalPlatform platform = LocalPlatform.start(config);
        if (!platform.awaitHealthy(Duration.ofSeconds(60))) {
            platform.close();
            throw new IllegalStateException("the local platform did not become healthy");
        }
        return platform;
    }

    // ---------------------------------------------------------------- the mix

    private void mixRound(LocalApi api, int r, int size) {
        int missions = Math.max(1, Math.round(size * 0.03f));
        int profiles = Math.max(1, (size - 2 * missions) / 2);
        int extra = size - 2 * missions - 2 * profiles; // an odd remainder: one more mission read
        List<String> emails = new ArrayList<>();
        List<String> missionIds = new ArrayList<>();
        int every = Math.max(1, profiles / missions);
        for (int i = 0; i < profiles; i++) {
            emails.add(signUp(api, r + "-" + i));
            if (i % every == 0 && missionIds.size() < missions) {
                missionIds.add(submit(api, "Mission " + runId + "-" + r + "-" + missionIds.size()));
            }
        }
        while (missionIds.size() < missions) {
            missionIds.add(submit(api, "Mission " + runId + "-" + r + "-" + missionIds.size()));
        }
        int read = 0;
        for (int i = 0; i < emails.size(); i++) {
            verify(api, emails.get(i));
            if (i % every == 0 && read < missions) {
                readAsAdmin(api, missionIds.get(read++));
            }
        }
        while (read < missions + extra) {
            readAsAdmin(api, missionIds.get(read++ % missions));
        }
    }

    private LocalApi.Answer timed(String route, LocalApi.Answer answer, int expected) {
        latencies.computeIfAbsent(route, r -> new ArrayList<>()).add(answer.millis());
        if (answer.status() != expected) {
            errors++;
            if (errors <= 5) {
                System.out.println("  ! " + route + " answered " + answer.status() + ": " + answer.json());
            }
        }
        if (++done % 100 == 0) {
            System.out.printf(Locale.ROOT, "  %4d calls after %5.1f s%n", done, (System.nanoTime() - started) / 1e9);
        }
        return answer;
    }

    private String signUp(LocalApi api, String n) {
        ObjectNode body = api.sampleBody("profiles/create.json");
        String email = "bench-" + runId + "-" + n + "@example.org";
        body.put("email", email);
        timed("POST /profiles", api.post("/profiles", body), 202);
        return email;
    }

    private void verify(LocalApi api, String email) {
        String token = api.awaitToken(email, "/verify?", Duration.ofSeconds(60));
        timed("POST /profiles/verify", api.post("/profiles/verify",
                LocalApi.JSON.createObjectNode().put("token", token)), 200);
    }

    private String submit(LocalApi api, String title) {
        ObjectNode body = api.sampleBody("missions/submit.json");
        body.put("title", title);
        LocalApi.Answer answer = timed("POST /missions", api.post("/missions", body), 202);
        return answer.status() == 202 ? answer.json().get("id").asText() : null;
    }

    private void readAsAdmin(LocalApi api, String missionId) {
        if (missionId == null) {
            return;
        }
        String token = api.awaitToken(ADMIN, "/review?mission=" + missionId + "&", Duration.ofSeconds(60));
        timed("GET /missions/{id}", api.call("GET", "/missions/" + missionId, null, token), 200);
    }

    // ---------------------------------------------------------------- the fan-out

    record Fanout(int emailed, double firstSeconds, double lastSeconds, Map<String, long[]> calls,
            Map<String, long[]> stream) {}

    private Fanout fanout(LocalApi api, LocalPlatform platform, int fanout) {
        // one freelancer through the API, then copies of its items (not its emails)
        String email = "fanout-" + runId + "@example.org";
        ObjectNode body = api.sampleBody("profiles/create.json");
        body.put("email", email);
        api.post("/profiles", body);
        String token = api.awaitToken(email, "/verify?", Duration.ofSeconds(60));
        JsonNode verified = api.post("/profiles/verify", LocalApi.JSON.createObjectNode().put("token", token)).json();
        String profileId = verified.get("profileId").asText();
        api.awaitQuiet();
        copyProfile(platform, profileId, email, fanout - 1);
        api.awaitQuiet();

        SdkCallCounter.Snapshot before = SdkCallCounter.snapshot();
        JsonNode pollersBefore = api.pollers();
        String mission = submit(api, "Fan-out " + runId);
        latencies.get("POST /missions").remove(latencies.get("POST /missions").size() - 1);
        done--;
        String review = api.awaitToken(ADMIN, "/review?mission=" + mission + "&", Duration.ofSeconds(60));
        Instant published = Instant.now();
        LocalApi.Answer approved = api.post("/missions/" + mission + "/review",
                LocalApi.JSON.createObjectNode().put("token", review).put("decision", "APPROVE"));
        if (approved.status() != 200) {
            throw new IllegalStateException("approving the fan-out mission answered " + approved.status());
        }
        List<SentEmail> proposals;
        try {
            proposals = platform.outbox().await(ApiBench::isProposal, fanout, Duration.ofSeconds(900));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        api.awaitQuiet();
        Map<String, long[]> calls = SdkCallCounter.snapshot().minus(before).counts();
        Map<String, long[]> stream = new java.util.TreeMap<>();
        addStream(stream, api.pollers());
        subtractStream(stream, pollersBefore);
        double first = proposals.isEmpty() ? Double.NaN : seconds(published, proposals.get(0).sentAt());
        double last = proposals.isEmpty() ? Double.NaN : seconds(published, proposals.get(proposals.size() - 1).sentAt());
        return new Fanout(proposals.size(), first, last, calls, stream);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static boolean isProposal(SentEmail email) {
        return email.text() != null && email.text().contains("/interest?");
    }

    /**
     * Writes {@code copies} active freelancers like this one: every item that names it (the
     * profile, its index and address items), outbox items excepted, with its id and address
     * changed; BatchWriteItem, 25 at a time.
     */
    private void copyProfile(LocalPlatform platform, String profileId, String email, int copies) {
        Map<String, String> env = platform.environmentOf("ProfilesFunction");
        try (DynamoDbClient dynamo = new AwsClients(Env.of(env)).dynamoDb()) {
            String table = env.get("TABLE_NAME");
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
                String text = item.toString();
                if ((text.contains(profileId) || text.contains(email)) && !TableLayout.isOutbox(item)) {
                    items.add(item);
                }
            });
            List<WriteRequest> batch = new ArrayList<>();
            for (int c = 1; c <= copies; c++) {
                String id = profileId + "c" + c;
                String address = email.replace("@", "+" + c + "@");
                for (Map<String, AttributeValue> item : items) {
                    Map<String, AttributeValue> copy = new HashMap<>();
                    item.forEach((k, v) -> copy.put(k, replace(v, profileId, id, email, address)));
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(copy).build()).build());
                    if (batch.size() == 25) {
                        write(dynamo, table, batch);
                    }
                }
            }
            write(dynamo, table, batch);
        }
    }

    private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        while (!pending.isEmpty()) {
            pending = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.copyOf(batch)))).unprocessedItems();
        }
        batch.clear();
    }

    private static AttributeValue replace(AttributeValue value, String id, String newId, String email, String newEmail) {
        if (value.s() != null) {
            return AttributeValue.fromS(value.s().replace(id, newId).replace(email, newEmail));
        }
        if (value.hasM()) {
            Map<String, AttributeValue> m = new HashMap<>();
            value.m().forEach((k, v) -> m.put(k, replace(v, id, newId, email, newEmail)));
            return AttributeValue.fromM(m);
        }
        if (value.hasL()) {
            return AttributeValue.fromL(value.l().stream().map(v -> replace(v, id, newId, email, newEmail)).toList());
        }
        if (value.hasSs()) {
            return AttributeValue.fromSs(value.ss().stream().map(v -> v.replace(id, newId).replace(email, newEmail)).toList());
        }
        return value;
    }

    // ---------------------------------------------------------------- counters

    private static void add(Map<String, long[]> into, Map<String, long[]> counts) {
        counts.forEach((k, v) -> {
            long[] sum = into.computeIfAbsent(k, x -> new long[2]);
            sum[0] += v[0];
            sum[1] += v[1];
        });
    }

    private static void addStream(Map<String, long[]> into, JsonNode pollers) {
        for (JsonNode poller : pollers) {
            long[] sum = into.computeIfAbsent(poller.path("function").asText(), x -> new long[2]);
            sum[0] += poller.path("invocations").asLong();
            sum[1] += poller.path("deliveredRecords").asLong();
        }
    }

    private static void subtractStream(Map<String, long[]> from, JsonNode pollers) {
        for (JsonNode poller : pollers) {
            long[] sum = from.computeIfAbsent(poller.path("function").asText(), x -> new long[2]);
            sum[0] -= poller.path("invocations").asLong();
            sum[1] -= poller.path("deliveredRecords").asLong();
        }
    }

    // ---------------------------------------------------------------- report

    private void report(int calls, int fanout, Fanout result) {
        System.out.println();
        System.out.println("| route | calls | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        List<Double> all = new ArrayList<>();
        latencies.forEach((route, values) -> {
            all.addAll(values);
            row(route, Stats.of(values));
        });
        Stats overall = Stats.of(all);
        row("all", overall);
        row("(local edge alone: GET /_local/health)", Stats.of(edge));
        System.out.println();
        System.out.println("AWS calls of the mix (" + overall.count() + " API calls and what their stream records triggered):");
        counts(mixCalls, mixStream);
        System.out.println();
        System.out.println("AWS calls of the fan-out (submit, approve, matching, " + result.emailed() + " proposals):");
        counts(result.calls(), result.stream());
        System.out.println();
        double rate = result.emailed() / result.lastSeconds();
        System.out.printf(Locale.ROOT, "fan-out: %d of %d proposals emailed, the first %.1f s and the last %.1f s after the "
                + "approval: %.1f proposals/s%n", result.emailed(), fanout, result.firstSeconds(), result.lastSeconds(), rate);
        System.out.println("calls answered other than expected: " + errors);
        System.out.printf(Locale.ROOT, "api: %d calls p50 %.1f ms p99 %.1f ms; fan-out %d proposals emailed in %.1f s (%.1f/s)%n",
                overall.count(), overall.median(), overall.percentile(99), result.emailed(), result.lastSeconds(), rate);
    }

    private static void row(String name, Stats s) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, s.count(), s.median(),
                s.percentile(99), s.max());
    }

    private static void counts(Map<String, long[]> calls, Map<String, long[]> stream) {
        System.out.println("| call | count | items |");
        System.out.println("|---|---|---|");
        calls.forEach((operation, c) -> System.out.printf(Locale.ROOT, "| %s | %d | %d |%n", operation, c[0], c[1]));
        stream.forEach((function, c) -> System.out.printf(Locale.ROOT, "| stream -> %s invocations | %d | %d records |%n",
                function, c[0], c[1]));
    }
}

package org.socialdeclik.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socialdeclik.shared.app.MatchingService;
import org.socialdeclik.shared.aws.DynamoStore;
import org.socialdeclik.shared.aws.TableLayout;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.testing.Emulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Measures whether matching one mission reads the same number of DynamoDB items when the crowd of
 * unrelated profiles grows tenfold (matching.md, "Cost must not grow with the crowd").
 *
 * <p>For each crowd size N, in a fresh table of the emulator at {@code AWS_ENDPOINT_URL}: the same
 * related profiles (each shares a skill with a probe mission) go in through the store's own
 * register + activate, the probe missions through its submit, then N minus that many unrelated
 * profiles through BatchWriteItem with the very items the store writes (checked first). Then the
 * real {@link MatchingService} matches each probe mission, over the real {@link DynamoStore} and
 * {@link Matcher}, while a {@link ReadCounter} on the client counts the items read. The last line
 * of the output is {@code matching-scale: items/mission N=<first> A, N=<last> B, ratio R}.
 *
 * <p>Match records (the repository role {@code MatchRepository}) go by default to a second table
 * through a second {@link DynamoStore}: the emulator copies the whole table on every
 * TransactWriteItems, which makes each proposal cost seconds once the crowd is in (about 0.4 ms
 * per item: 25 s at 60,000 items), and matching writes one transaction per proposal. The reads are
 * the same queries on the same keys either way (the weekly window reads only {@code PROPOSED#}
 * items of {@code PROFILE#id}); {@code --one-table} keeps everything in one table, as production
 * does, and gives the same counts, slowly.
 *
 * <p>Options: {@code --sizes 1000,10000 --related 120 --seed 20261201 --max-matches 25
 * --max-per-week 5 --max-ratio 1.2 --one-table --keep-tables}. The exit status is 1 when the ratio is above
 * {@code --max-ratio}.
 */
public final class MatchingScaleBench {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final int BATCH = 25;
    private static final String NONCE = "bench-nonce";

    record Options(List<Integer> sizes, int related, long seed, int maxMatches, int maxPerWeek, double maxRatio,
                   boolean oneTable, boolean keepTables) {
        static Options parse(String[] args) {
            List<Integer> sizes = List.of(1_000, 10_000);
            int related = 120;
            long seed = 20261201L;
            int maxMatches = 25;
            int maxPerWeek = 5;
            double maxRatio = 1.2;
            boolean oneTable = false;
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--sizes" -> sizes = Arrays.stream(need(args[i], value).split(",")).map(String::strip).map(Integer::valueOf).toList();
                    case "--related" -> related = Integer.parseInt(need(args[i], value));
                    case "--seed" -> seed = Long.parseLong(need(args[i], value));
                    case "--max-matches" -> maxMatches = Integer.parseInt(need(args[i], value));
                    case "--max-per-week" -> maxPerWeek = Integer.parseInt(need(args[i], value));
                    case "--max-ratio" -> maxRatio = Double.parseDouble(need(args[i], value));
                    case "--keep-tables" -> {
                        keep = true;
                        continue;
                    }
                    case "--one-table" -> {
                        oneTable = true;
                        continue;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --sizes --related --seed --max-matches --max-per-week --max-ratio --one-table --keep-tables)");
                }
                i++;
            }
            if (sizes.size() < 2) {
                throw new IllegalArgumentException("--sizes needs at least two crowd sizes to compare");
            }
            for (int size : sizes) {
                if (size < related) {
                    throw new IllegalArgumentException("every size must hold the " + related + " related profiles, got " + size);
                }
            }
            return new Options(sizes, related, seed, maxMatches, maxPerWeek, maxRatio, oneTable, keep);
        }

        private static String need(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }

    /** One probe mission matched at one crowd size. */
    record Row(int size, String mission, int skills, MatchingService.Outcome outcome, ReadCounter.Reads reads, long millis) {}

    /** One crowd size: its rows and what loading it took. */
    record SizeRun(int size, int unrelated, double relatedSeconds, double bulkSeconds, long itemsWritten,
                   double cardBytes, double indexItemBytes, List<Row> rows, long controlMatched, long controlRead) {
        double meanItems() {
            return rows.stream().mapToLong(r -> r.reads().items()).average().orElse(0);
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("MatchingScaleBench: " + e.getMessage());
            System.exit(64);
            return;
        }
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            System.err.println("MatchingScaleBench: AWS_ENDPOINT_URL is not set. It creates tables: run it against the"
                    + " emulator, through `make bench-matching` (scripts/with-moto.sh).");
            System.exit(64);
            return;
        }
        OUT.println("# Matching at scale: DynamoDB items read to match one mission, as the crowd grows");
        OUT.println("command: " + ProcessHandle.current().info().commandLine().orElse("java " + MatchingScaleBench.class.getName()
                + " " + String.join(" ", args)));
        OUT.println("date: " + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + "   java: " + Runtime.version() + "   emulator: " + endpoint);
        OUT.printf(Locale.ROOT, "sizes: %s   related profiles (same at every size): %d   seed: %d   limits: %d per mission, %d per week%n",
                options.sizes(), options.related(), options.seed(), options.maxMatches(), options.maxPerWeek());
        OUT.println(options.oneTable() ? "tables: one per size, as production (slow on the emulator: a copy of the table per transaction)"
                : "tables: one per size for profiles and missions, a second for match records (--one-table for production's single table)");
        OUT.println("items read = for Query and Scan, items returned + items the key matched but a filter dropped"
                + " (Count + (ScannedCount - Count)); 1 per GetItem that found an item; the items BatchGetItem/TransactGetItems"
                + " returned. Counted on the client's responses, during MatchingService.missionPublished only.");

        ReadCounter counter = new ReadCounter();
        try (DynamoDbClient dynamo = client(endpoint, counter)) {
            Population population = new Population();
            OUT.println("probe missions (skill ids): " + population.probes().stream()
                    .map(m -> m.id() + " " + MissionCard.of(m).skillIds()).toList());
            checkBulkItems(dynamo, population, options.seed());
            List<SizeRun> runs = new ArrayList<>();
            for (int size : options.sizes()) {
                runs.add(runSize(dynamo, counter, population, options, size));
            }
            report(runs, options);
        }
    }

    private static DynamoDbClient client(String endpoint, ReadCounter counter) {
        String key = System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", "test");
        String secret = System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", "test");
        return DynamoDbClient.builder()
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "eu-west-3")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .endpointOverride(URI.create(endpoint))
                // the emulator copies the whole table on each transaction: seconds at 60,000 items
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(5)).build())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter).apiCallTimeout(Duration.ofMinutes(10)))
                .build();
    }

    // ---- loading ----------------------------------------------------------------------------------

    /**
     * Before trusting the batch loader: the same few profiles written through the store (register +
     * activate) in one table and through {@link ActiveProfileItems} in another must leave equal items.
     */
    static void checkBulkItems(DynamoDbClient dynamo, Population population, long seed) {
        List<Population.Person> sample = population.related(seed ^ 0xC0FFEEL, 3);
        String viaStore = "bench-check-store-" + UUID.randomUUID();
        String viaBatch = "bench-check-batch-" + UUID.randomUUID();
        Emulator.createTable(dynamo, viaStore);
        Emulator.createTable(dynamo, viaBatch);
        try {
            DynamoStore store = new DynamoStore(dynamo, viaStore);
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (Population.Person person : sample) {
                viaStore(store, person);
                items.addAll(ActiveProfileItems.of(person));
            }
            batchWrite(dynamo, viaBatch, items);
            List<Map<String, AttributeValue>> a = sorted(dynamo.scan(b -> b.tableName(viaStore).consistentRead(true)).items());
            List<Map<String, AttributeValue>> b = sorted(dynamo.scan(s -> s.tableName(viaBatch).consistentRead(true)).items());
            if (!a.equals(b)) {
                OUT.println("check FAILED: the batch loader does not write what the store writes");
                OUT.println("  store: " + a);
                OUT.println("  batch: " + b);
                System.exit(2);
            }
            OUT.printf(Locale.ROOT, "check: BatchWriteItem loader writes exactly the items of the store's register + activate"
                    + " (%d profiles, %d items compared attribute by attribute): ok%n", sample.size(), a.size());
        } finally {
            dynamo.deleteTable(d -> d.tableName(viaStore));
            dynamo.deleteTable(d -> d.tableName(viaBatch));
        }
    }

    private static List<Map<String, AttributeValue>> sorted(List<Map<String, AttributeValue>> items) {
        return items.stream().sorted(Comparator.comparing((Map<String, AttributeValue> i) -> TableLayout.text(i, TableLayout.PK))
                .thenComparing(i -> TableLayout.text(i, TableLayout.SK))).toList();
    }

    private static void viaStore(DynamoStore store, Population.Person person) {
        String id = person.profile().id();
        if (store.profiles().register(person.profile(), NONCE, person.registeredAt(),
                new OutboxEntry("VERIFY#" + id, OutboxEntry.Kind.VERIFY, Map.of("profileId", id))).isPresent()) {
            throw new IllegalStateException("generated two profiles with one address: " + id);
        }
        store.profiles().activate(id, NONCE, person.activatedAt());
    }

    private static void batchWrite(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<WriteRequest> requests = items.subList(from, Math.min(items.size(), from + BATCH)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 10) {
                    throw new IllegalStateException("BatchWriteItem keeps leaving items unprocessed");
                }
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    /** Prints a line each time another tenth of the crowd is in, with the rate of that tenth. */
    private static final class Progress {
        private final int size;
        private final int total;
        private final long start = System.nanoTime();
        private long lastTime = start;
        private int lastCount;
        private int done;
        private int nextTenth = 1;
        private final Set<String> ways = new LinkedHashSet<>();

        Progress(int size, int total) {
            this.size = size;
            this.total = total;
        }

        void tick(String how) {
            done++;
            ways.add(how);
            while (nextTenth <= 10 && done * 10L >= (long) nextTenth * total) {
                long now = System.nanoTime();
                double seconds = (now - lastTime) / 1e9;
                OUT.printf(Locale.ROOT, "  N=%d loading %3d%% %,7d/%,d profiles  %,7.1f profiles/s  %6.1f s elapsed  (%s)%n",
                        size, nextTenth * 10, done, total, (done - lastCount) / Math.max(seconds, 1e-9), (now - start) / 1e9,
                        String.join(", then ", ways));
                lastTime = now;
                lastCount = done;
                nextTenth++;
                ways.clear();
                ways.add(how);
            }
        }
    }

    private static SizeRun runSize(DynamoDbClient dynamo, ReadCounter counter, Population population, Options options, int size) {
        String table = "bench-" + size + "-" + UUID.randomUUID().toString().substring(0, 8);
        Emulator.createTable(dynamo, table);
        DynamoStore store = new DynamoStore(dynamo, table);
        String matchTable = options.oneTable() ? table : table + "-matches";
        if (!options.oneTable()) {
            Emulator.createTable(dynamo, matchTable);
        }
        DynamoStore matchStore = new DynamoStore(dynamo, matchTable);
        int unrelated = size - options.related();
        OUT.printf(Locale.ROOT, "%n## N=%,d: %,d related + %,d unrelated profiles, table %s%s%n", size, options.related(), unrelated,
                table, options.oneTable() ? "" : ", match records in " + matchTable);
        Progress progress = new Progress(size, size);
        long itemsWritten = 0;
        IndexItems index = new IndexItems();

        long t0 = System.nanoTime();
        for (Population.Person person : population.related(options.seed(), options.related())) {
            viaStore(store, person);
            for (Map<String, AttributeValue> item : ActiveProfileItems.of(person)) {
                itemsWritten++;
                index.count(item);
            }
            progress.tick("through the store: register + activate");
        }
        double relatedSeconds = (System.nanoTime() - t0) / 1e9;
        long tProbes = System.nanoTime();
        for (Mission probe : population.probes()) {
            store.missions().submit(probe, MissionStatus.PUBLISHED, Population.NOW, List.of(new OutboxEntry("CONFIRM#" + probe.id(),
                    OutboxEntry.Kind.MISSION_CONFIRMATION, Map.of("missionId", probe.id()))));
        }

        double probeSeconds = (System.nanoTime() - tProbes) / 1e9;
        long t1 = System.nanoTime();
        Population.Unrelated source = population.unrelated(options.seed());
        List<Map<String, AttributeValue>> pending = new ArrayList<>();
        for (int i = 0; i < unrelated; i++) {
            for (Map<String, AttributeValue> item : ActiveProfileItems.of(source.next())) {
                pending.add(item);
                itemsWritten++;
                index.count(item);
            }
            if (pending.size() >= 4 * BATCH || i == unrelated - 1) {
                batchWrite(dynamo, table, pending);
                pending.clear();
            }
            progress.tick("BatchWriteItem");
        }
        double bulkSeconds = (System.nanoTime() - t1) / 1e9;
        OUT.printf(Locale.ROOT, "  loaded in %.1f s: %d related through the store in %.1f s (%.1f profiles/s), %d probe missions"
                        + " in %.1f s, %,d unrelated in batches in %.1f s (%.0f profiles/s); %,d profile items, %,d of them"
                        + " skill-index items%n",
                relatedSeconds + probeSeconds + bulkSeconds, options.related(), relatedSeconds, options.related() / relatedSeconds,
                population.probes().size(), probeSeconds, unrelated, bulkSeconds, unrelated / Math.max(bulkSeconds, 1e-9),
                itemsWritten, index.items);

        MatchingService service = new MatchingService(store.profiles(), store.missions(), matchStore.matches(), new Matcher(Places.france()), Population.CLOCK,
                options.maxMatches(), options.maxPerWeek());
        List<Row> rows = new ArrayList<>();
        for (Mission probe : population.probes()) {
            counter.reset();
            long start = System.nanoTime();
            MatchingService.Outcome outcome = service.missionPublished(probe);
            long millis = (System.nanoTime() - start) / 1_000_000;
            ReadCounter.Reads reads = counter.snapshot();
            rows.add(new Row(size, probe.id(), MissionCard.of(probe).skillIds().size(), outcome, reads, millis));
            OUT.printf(Locale.ROOT, "  matched %-22s candidates %4d  eligible %4d  proposed %3d  items read %5d  (%,d ms)%n",
                    probe.id(), outcome.read(), outcome.eligible(), outcome.proposed(), reads.items(), millis);
        }
        long[] control = scanControl(dynamo, counter, table, population.probes().get(0));
        OUT.printf(Locale.ROOT, "  control (not the service): finding %s's %d index items with a Scan reads %,d items%n",
                population.probes().get(0).id(), control[0], control[1]);
        if (!options.keepTables()) {
            dynamo.deleteTable(d -> d.tableName(table));
            if (!options.oneTable()) {
                dynamo.deleteTable(d -> d.tableName(matchTable));
            }
        }
        return new SizeRun(size, unrelated, relatedSeconds, bulkSeconds, itemsWritten,
                index.items == 0 ? 0 : (double) index.cardBytes / index.items, index.items == 0 ? 0 : (double) index.bytes / index.items, rows,
                control[0], control[1]);
    }

    /**
     * The negative control: the same candidates found the way matching.md forbids, with a Scan and
     * a filter, to show that the counter sees what a scan costs (everything, filtered out or not).
     * Returns {items found, items read}.
     */
    private static long[] scanControl(DynamoDbClient dynamo, ReadCounter counter, String table, Mission probe) {
        List<String> skillIds = MissionCard.of(probe).skillIds();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < skillIds.size(); i++) {
            values.put(":k" + i, AttributeValue.fromS(TableLayout.skillKey(skillIds.get(i))));
            terms.add("pk = :k" + i);
        }
        counter.reset();
        long found = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse response = dynamo.scan(b -> b.tableName(table).filterExpression(String.join(" OR ", terms))
                    .expressionAttributeValues(values).exclusiveStartKey(from));
            found += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new long[] {found, counter.snapshot().items()};
    }

    // ---- report -----------------------------------------------------------------------------------

    private static void report(List<SizeRun> runs, Options options) {
        OUT.println();
        OUT.println("## Items read per mission");
        OUT.println("| N | unrelated | mission | skills | candidates read | eligible | proposed | deferred | index items | window items | items read | read requests |");
        OUT.println("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (SizeRun run : runs) {
            for (Row row : run.rows()) {
                MatchingService.Outcome o = row.outcome();
                ReadCounter.Reads r = row.reads();
                long index = r.items("SKILL");
                OUT.printf(Locale.ROOT, "| %,d | %,d | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", run.size(), run.unrelated(),
                        row.mission(), row.skills(), o.read(), o.eligible(), o.proposed(), o.deferred(), index,
                        r.items() - index, r.items(), r.requests());
            }
        }
        OUT.println();
        OUT.println("index items: SKILL#<id> partitions (the candidates); window items: PROPOSED# items of each eligible"
                + " profile's last seven days (the weekly cap), one strongly consistent Query per profile ranked up to the cut (and its ties).");
        OUT.println("Times are the emulator's, not DynamoDB's: moto answers a Query by walking every item of the table, so"
                + " its milliseconds grow with the crowd while the items read do not.");
        OUT.println();
        OUT.println("| N | load: related via store | load: unrelated via batch | profile items | mean card JSON | mean index item"
                + " | mean items read per mission | control: same candidates by Scan |");
        OUT.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (SizeRun run : runs) {
            OUT.printf(Locale.ROOT, "| %,d | %.1f s | %.1f s | %,d | %.0f B | %.0f B | %.1f | %,d items read for %d found |%n", run.size(),
                    run.relatedSeconds(), run.bulkSeconds(), run.itemsWritten(), run.cardBytes(), run.indexItemBytes(), run.meanItems(),
                    run.controlRead(), run.controlMatched());
        }
        SizeRun first = runs.get(0);
        SizeRun last = runs.get(runs.size() - 1);
        double ratio = first.meanItems() == 0 ? Double.NaN : last.meanItems() / first.meanItems();
        String verdict = ratio <= options.maxRatio() ? "within" : "ABOVE";
        OUT.printf(Locale.ROOT, "%nunrelated profiles grew %.1fx; items read per mission grew %.2fx: %s the %.2f target%n",
                (double) last.unrelated() / first.unrelated(), ratio, verdict, options.maxRatio());
        OUT.printf(Locale.ROOT, "matching-scale: items/mission N=%d %s, N=%d %s, ratio %.2f%n", first.size(), number(first.meanItems()),
                last.size(), number(last.meanItems()), ratio);
        if (!(ratio <= options.maxRatio())) {
            System.exit(1);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}

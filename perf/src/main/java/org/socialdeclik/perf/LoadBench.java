package org.socialdeclik.perf;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialdeclik.local.LocalConfig;
import org.socialdeclik.local.LocalPlatform;

/**
 * {@code make bench-load}: the local run ({@code LocalPlatform}, started as {@code make run}
 * starts it, its own emulator included) under a crowd.
 *
 * <ol>
 *   <li><b>Sign-ups</b>: {@code clients} concurrent clients sign {@code profiles} freelancers up
 *       as the form does: {@code POST /profiles}, then, once the verification email is sent,
 *       {@code POST /profiles/verify} with its token. Each call's latency is taken at the client;
 *       a row is printed as the table passes 100, 200, 400, 1,000, 2,000, 5,000 ... profiles.
 *   <li><b>The fan-out</b>: the same clients submit {@code missions} missions (moderation off, so
 *       each is published at once); each fits exactly the freelancers of its cell (see
 *       {@link LoadData}), who must each get one proposal.
 *   <li><b>The count</b>: {@code GET /_local/emails}, sorted by outbox item: expected emails not
 *       sent are <em>missing</em>, messages sent more than once for one item <em>doubled</em>.
 * </ol>
 *
 * <p>The emulator's resident memory is read from /proc as the run goes; its peak is the kernel's
 * high-water mark for the process. The last line is the summary.
 */
public final class LoadBench {
    private static final int[] MILESTONES = {100, 200, 400, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};

    private final int profiles;
    private final int clients;
    private final int missions;
    private final Duration emailTimeout;
    private final Duration progressEvery;
    private final String runId = UUID.randomUUID().toString().substring(0, 6);
    private final long started = System.nanoTime();
    private final LoadCalls calls = new LoadCalls();
    private final List<Double> emailDelays = new ArrayList<>();
    private final Set<Integer> verified = ConcurrentHashMap.newKeySet();
    private final Set<Integer> signedUp = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> missionIds = new ConcurrentHashMap<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final List<String> rows = new ArrayList<>();
    private LoadData data;
    private ProcessMemory emulator;
    private int containers;

    private LoadBench(int profiles, int clients, int missions, Duration emailTimeout, Duration progressEvery) {
        this.profiles = profiles;
        this.clients = clients;
        this.missions = missions;
        this.emailTimeout = emailTimeout;
        this.progressEvery = progressEvery;
    }

    public static void main(String[] args) {
        Map<String, String> given = BenchOptions.parse(args);
        int profiles = Integer.parseInt(given.getOrDefault("profiles", "1000"));
        int clients = Integer.parseInt(given.getOrDefault("clients", "16"));
        int missions = Integer.parseInt(given.getOrDefault("missions", String.valueOf(Math.max(1, profiles / 10))));
        int maxMatches = Integer.parseInt(given.getOrDefault("max-matches", "25"));
        if ((profiles + missions - 1) / missions > maxMatches) {
            throw new IllegalArgumentException("profiles / missions must stay within MaxMatchesPerMission (" + maxMatches
                    + "): each mission is proposed to every freelancer of its cell");
        }
        System.out.println("command: make bench-load (" + String.join(" ", args) + ")");
        LocalConfig config = LocalConfig.defaults().withPort(0).withModeration(false)
                .withTemplate(Path.of(given.getOrDefault("template", "template.yaml")));
        if (given.containsKey("moto") && !given.get("moto").isBlank()) {
            config = config.withMotoServer(Path.of(given.get("moto")).toAbsolutePath());
        }
        if (given.containsKey("concurrency") && !given.get("concurrency").isBlank()) {
            config = config.withConcurrency(LocalConfig.parseConcurrency(given.get("concurrency")));
        }
        LoadBench bench = new LoadBench(profiles, clients, missions,
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("email-timeout", "120"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("progress", "10"))));
        int status = bench.run(config);
        System.exit(status);
    }

    private int run(LocalConfig config) {
        data = new LoadData(runId, missions, LocalDate.now());
        containers = config.concurrency();
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            if (!platform.awaitHealthy(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the local platform did not become healthy");
            }
            long pid = platform.emulatorPid().orElseThrow(() -> new IllegalStateException(
                    "bench-load measures the emulator it starts: do not set AWS_ENDPOINT_URL"));
            platform.onEmulatorDown(reason -> {
                System.out.printf(Locale.ROOT, "load: stopped after %.0f s: %s%n", elapsed(), reason);
                System.exit(3);
            });
            emulator = new ProcessMemory(pid);
            System.out.printf(Locale.ROOT, "emulator: pid %d, %d MB at start; machine: %d cores, load average %s%n", pid,
                    emulator.residentMb(), Runtime.getRuntime().availableProcessors(), loadAverage());
            LocalApi api = new LocalApi(platform, Path.of("events"));
            try (EmailLedger ledger = new EmailLedger(platform.outbox())) {
                signUps(api, ledger);
                System.out.println("waiting for the stream consumers to finish ...");
                api.awaitQuiet();
                Fanout fanout = fanout(api, ledger);
                api.awaitQuiet();
                JsonNode emails = api.call("GET", "/_local/emails", null, null).json();
                return report(EmailLedger.tally(emails, expected()), fanout);
            }
        }
    }

    // ---------------------------------------------------------------- sign-ups

    private void signUps(LocalApi api, EmailLedger ledger) {
        System.out.printf(Locale.ROOT, "sign-ups: %,d freelancers by %d clients (POST /profiles, the verification email, "
                + "POST /profiles/verify)%n", profiles, clients);
        System.out.println("| profiles in the table | sign-ups per second | API p50 | API p99 | emulator memory (RSS) |"
                + " verification emails doubled |");
        System.out.println("|---|---|---|---|---|---|");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Milestones milestones = new Milestones();
        runClients(() -> {
            for (int i = next.getAndIncrement(); i < profiles; i = next.getAndIncrement()) {
                signUp(api, ledger, i);
                milestones.passed(done.incrementAndGet(), ledger);
            }
        }, () -> String.format(Locale.ROOT, "sign-ups %,d/%,d", done.get(), profiles), ledger);
        milestones.passed(profiles, ledger);
    }

    private void signUp(LocalApi api, EmailLedger ledger, int i) {
        var token = ledger.verifyToken(data.profileEmail(i));
        LocalApi.Answer created = calls.timed("POST /profiles", () -> api.post("/profiles", data.profile(i)));
        if (!expect(created, 202, "POST /profiles")) {
            return;
        }
        signedUp.add(i);
        long asked = System.nanoTime();
        String value;
        try {
            value = token.get(emailTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return; // counted as missing at the end
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        synchronized (emailDelays) {
            emailDelays.add((System.nanoTime() - asked) / 1e6);
        }
        LocalApi.Answer active = calls.timed("POST /profiles/verify",
                () -> api.post("/profiles/verify", LocalApi.JSON.createObjectNode().put("token", value)));
        if (expect(active, 200, "POST /profiles/verify")) {
            verified.add(i);
        }
    }

    private boolean expect(LocalApi.Answer answer, int status, String route) {
        if (answer.status() == status) {
            return true;
        }
        if (unanswered.incrementAndGet() <= 5) {
            System.out.println("  ! " + route + " answered " + answer.status() + ": " + answer.json());
        }
        return false;
    }

    /** Prints a row of the table each time the crowd passes a milestone: the window since the previous one. */
    private final class Milestones {
        private int index;
        private int previousCount;
        private long previousAt = System.nanoTime();

        synchronized void passed(int count, EmailLedger ledger) {
            while (index < MILESTONES.length && MILESTONES[index] < count) {
                index++;
            }
            boolean milestone = index < MILESTONES.length && MILESTONES[index] == count;
            if (!milestone && count != profiles || count == previousCount) {
                return;
            }
            long now = System.nanoTime();
            Stats window = calls.between(previousAt, now);
            double rate = (count - previousCount) / ((now - previousAt) / 1e9);
            String row = String.format(Locale.ROOT, "| %,d | %.1f | %s | %s | %,d MB | %d |", count, rate,
                    duration(window.median()), duration(window.percentile(99)), emulator.residentMb(),
                    ledger.doubledVerifications());
            rows.add(row);
            System.out.println(row);
            previousCount = count;
            previousAt = now;
        }
    }

    // ---------------------------------------------------------------- fan-out

    record Fanout(int submitted, int proposals, double lastSeconds) {}

    private Fanout fanout(LocalApi api, EmailLedger ledger) {
        int expected = verified.size();
        System.out.printf(Locale.ROOT, "fan-out: %,d missions by %d clients (POST /missions), to be proposed to the "
                + "%,d freelancers who confirmed (each to the freelancers of its cell)%n", missions, clients, expected);
        int proposalsBefore = ledger.proposals();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        runClients(() -> {
            for (int cell = next.getAndIncrement(); cell < missions; cell = next.getAndIncrement()) {
                int c = cell;
                LocalApi.Answer answer = calls.timed("POST /missions", () -> api.post("/missions", data.mission(c)));
                if (expect(answer, 202, "POST /missions")) {
                    missionIds.put(c, answer.json().get("id").asText());
                }
            }
        }, () -> String.format(Locale.ROOT, "missions %,d/%,d, proposals %,d/%,d", missionIds.size(), missions,
                ledger.proposals() - proposalsBefore, expected), ledger);
        long lastChange = System.nanoTime();
        int seen = -1;
        long nextProgress = System.nanoTime() + progressEvery.toNanos();
        while (ledger.proposals() - proposalsBefore < expected
                && System.nanoTime() - lastChange < emailTimeout.toNanos()) {
            int now = ledger.proposals() - proposalsBefore;
            if (now != seen) {
                seen = now;
                lastChange = System.nanoTime();
            }
            if (System.nanoTime() >= nextProgress) {
                progress(String.format(Locale.ROOT, "proposals %,d/%,d", now, expected), ledger);
                nextProgress += progressEvery.toNanos();
            }
            sleep(200);
        }
        int proposals = ledger.proposals() - proposalsBefore;
        return new Fanout(missionIds.size(), proposals, ledger.lastProposalSeconds(start));
    }

    // ---------------------------------------------------------------- clients and progress

    private void runClients(Runnable client, java.util.function.Supplier<String> state, EmailLedger ledger) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(client));
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(progressEvery.toMillis(), TimeUnit.MILLISECONDS)) {
                progress(state.get(), ledger);
            }
            for (java.util.concurrent.Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            pool.shutdownNow();
            throw new IllegalStateException("a client failed", e.getCause());
        }
    }

    private void progress(String state, EmailLedger ledger) {
        Stats recent = calls.between(System.nanoTime() - progressEvery.toNanos(), System.nanoTime());
        System.out.printf(Locale.ROOT, "  %6.0f s  %s; last %d s: %d calls, p50 %s p99 %s; %,d emails; emulator %,d MB%n",
                elapsed(), state, progressEvery.toSeconds(), recent.count(), duration(recent.median()),
                duration(recent.percentile(99)), ledger.seen(), emulator.residentMb());
    }

    /** The 1, 5 and 15 minute load averages (Linux). */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---------------------------------------------------------------- report

    private Set<EmailLedger.Item> expected() {
        Set<EmailLedger.Item> items = new HashSet<>();
        for (int i : signedUp) {
            items.add(new EmailLedger.Item(EmailLedger.Kind.VERIFY, data.profileEmail(i), null));
        }
        missionIds.forEach((cell, id) -> {
            items.add(new EmailLedger.Item(EmailLedger.Kind.CONFIRMATION, data.organizationEmail(cell), id));
            items.add(new EmailLedger.Item(EmailLedger.Kind.REPORT, data.organizationEmail(cell), id));
        });
        for (int i : verified) {
            String mission = missionIds.get(data.cellOf(i));
            if (mission != null) {
                items.add(new EmailLedger.Item(EmailLedger.Kind.PROPOSAL, data.profileEmail(i), mission));
            }
        }
        return items;
    }

    private int report(EmailLedger.Tally tally, Fanout fanout) {
        System.out.println();
        System.out.println("| route | calls | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        calls.routes().forEach((route, stats) -> row(route, stats));
        Stats signUps = calls.of("POST /profiles", "POST /profiles/verify");
        row("sign-up calls (POST /profiles and /profiles/verify)", signUps);
        Stats delays;
        synchronized (emailDelays) {
            delays = Stats.of(emailDelays);
        }
        System.out.printf(Locale.ROOT, "%nverification email, from the 202 to the email: p50 %s p99 %s max %s%n",
                duration(delays.median()), duration(delays.percentile(99)), duration(delays.max()));
        System.out.printf(Locale.ROOT, "fan-out: %,d missions submitted, %,d proposals emailed, the last %.1f s after the "
                + "first submission (%.1f proposals/s)%n", fanout.submitted(), fanout.proposals(), fanout.lastSeconds(),
                fanout.proposals() / fanout.lastSeconds());
        System.out.printf(Locale.ROOT, "emails: %,d (%s); missing %d %s; doubled %d (%d repeating a message already sent) "
                + "%s; unexpected %d%n", tally.total(), tally.byKind(), tally.missing(), tally.missingExamples(),
                tally.doubled(), tally.sameToken(), tally.doubledExamples(), tally.unexpected());
        System.out.println("calls answered other than expected: " + unanswered.get());
        long peak = emulator.peakMb();
        System.out.printf(Locale.ROOT, "emulator: %,d MB now, %,d MB at most (VmHWM); run took %.0f s; load average %s "
                + "(other work on the machine weighs on every figure)%n", emulator.residentMb(), peak, elapsed(), loadAverage());
        System.out.printf(Locale.ROOT, "load: %,d sign-ups by %d clients, %,d missions, %,d proposals; %d containers per "
                + "function; API p50 %.1f ms p99 %.1f ms; emulator %,d MB, missing %d, doubled %d%n", signedUp.size(),
                clients, fanout.submitted(), fanout.proposals(), containers, signUps.median(), signUps.percentile(99), peak, tally.missing(), tally.doubled());
        return tally.missing() == 0 && tally.doubled() == 0 && tally.unexpected() == 0 && unanswered.get() == 0 ? 0 : 1;
    }

    private static void row(String name, Stats s) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f |%n", name, s.count(), s.median(),
                s.percentile(99), s.max());
    }

    private static String duration(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        return millis >= 1000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000) : String.format(Locale.ROOT, "%.0f ms", millis);
    }
}

package org.socialdeclik.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.domain.vocab.Places;

/**
 * How many candidates per second matching can judge and rank: {@link Matcher#evaluate} over
 * {@value #CANDIDATES} profile cards that share a skill with the mission (what the skill index
 * hands over; some fail on place, pay or dates), then a sort of the eligible ones by
 * {@link Matcher#RANKING}, half of them with a last-proposal date so the tie-break works too.
 * The score is in candidates per second ({@code @OperationsPerInvocation}).
 *
 * <p>Run: {@code make bench-scoring}, i.e.
 * {@code java -jar bench/target/benchmarks.jar ScoringBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {
    static final int CANDIDATES = 1_000;

    /** A remote mission (no place lookups) and an on-site one (région lookups for every candidate). */
    @Param({"probe-1-wordpress", "probe-3-dataviz"})
    public String mission;

    private final Matcher matcher = new Matcher(Places.france());
    private final LocalDate today = LocalDate.ofInstant(Population.NOW, ZoneOffset.UTC);
    private MissionCard card;
    private ProfileCard[] profiles;
    private Instant[] lastProposedAt;

    @Setup
    public void setUp() {
        Population population = new Population();
        Mission probe = population.probes().stream().filter(m -> m.id().equals(mission)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no probe mission " + mission));
        card = MissionCard.of(probe);
        profiles = population.related(42, 8 * CANDIDATES).stream().map(Population.Person::card)
                .filter(p -> p.skillIds().stream().anyMatch(card.skillIds()::contains))
                .limit(CANDIDATES).toArray(ProfileCard[]::new);
        if (profiles.length < CANDIDATES) {
            throw new IllegalStateException("only " + profiles.length + " candidates for " + mission);
        }
        Random random = new Random(7);
        lastProposedAt = new Instant[CANDIDATES];
        for (int i = 0; i < CANDIDATES; i++) {
            lastProposedAt[i] = random.nextBoolean() ? null : Population.NOW.minus(Duration.ofHours(random.nextInt(24 * 60)));
        }
        System.out.printf("%s: %d candidates, %d eligible%n", mission, CANDIDATES, evaluateAndRank().size());
    }

    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public List<Matcher.Candidate> evaluateAndRank() {
        List<Matcher.Candidate> eligible = new ArrayList<>();
        for (int i = 0; i < profiles.length; i++) {
            Optional<MatchReasons> reasons = matcher.evaluate(card, profiles[i], today);
            if (reasons.isPresent()) {
                eligible.add(new Matcher.Candidate(profiles[i], reasons.get(), lastProposedAt[i]));
            }
        }
        eligible.sort(Matcher.RANKING);
        return eligible;
    }
}

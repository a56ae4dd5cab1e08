# Benchmarks (bench/). Included by the root Makefile, which sets JAVA_HOME, PATH (JDK 25 first)
# and MVN. Neither runs during make test; docs/scaling.md explains what they show.
#
#   make bench-matching  DynamoDB items read to match one mission at 1,000 and 10,000 profiles,
#                        in the emulator (scripts/with-moto.sh starts and stops moto). The last
#                        line reads "matching-scale: items/mission N=1000 A, N=10000 B, ratio R";
#                        the target fails when R is above 1.2. A few minutes.
#                        BENCH_ARGS passes options: --sizes 1000,10000 --related 120 --seed N
#                        --max-matches 25 --max-per-week 5 --max-ratio 1.2 --one-table --keep-tables
#   make bench-scoring   JMH: candidates judged and ranked per second (Matcher.evaluate over 1,000
#                        profile cards, then Matcher.RANKING), for a remote and an on-site mission.
#                        About a minute. JMH_ARGS replaces "-f 1 -wi 3 -i 5".

BENCH_JAR  := bench/target/benchmarks.jar
BENCH_ARGS ?=
JMH_ARGS   ?= -f 1 -wi 3 -i 5

.PHONY: bench-build bench-matching bench-scoring

bench-build:
	$(MVN) -q -DskipTests install -pl bench -am

bench-matching: emulator bench-build
	LOG_LEVEL=WARN scripts/with-moto.sh java -cp $(BENCH_JAR) org.socialdeclik.bench.MatchingScaleBench $(BENCH_ARGS)

bench-scoring: bench-build
	LOG_LEVEL=WARN java -jar $(BENCH_JAR) ScoringBenchmark $(JMH_ARGS)

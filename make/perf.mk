# Performance benchmarks (docs/performance.md). Included by the root Makefile, which sets
# JAVA_HOME, PATH (JDK 25 first) and MVN.
#
#   make bench-coldstart   every function's `sam build` package started as Lambda starts it (the
#                          Runtime Interface Emulator shipped in aws-sam-cli, the Java runtime
#                          interface client as bootstrap) against moto, beside a hello world;
#                          COLDSTART_RUNS=5 fresh starts each, COLDSTART_VARIANTS=snapstart,aot,lambda
#                          (the last variant gives the last line: lambda, the runtime as deployed without SnapStart)
#   make bench-api         the local stack (local/) driven with 1,000 API calls and a fan-out of
#                          500 proposals; API_CALLS=1000 FANOUT=500

# The emulator matching this machine (arm64 Lambda is emulated on an x86_64 machine by its
# x86_64 build: the figures are this machine's, see docs/performance.md).
PERF_ARCH := $(shell uname -m | sed -e 's/aarch64/arm64/')
PERF_RIE = $(firstword $(wildcard $(CURDIR)/$(TOOLS_VENV)/lib/python*/site-packages/samcli/local/rapid/aws-lambda-rie-$(PERF_ARCH)))
PERF_CLASSPATH := perf/target/perf.jar:$$(cat perf/target/classpath.txt)
PERF_JAVA_OPTS ?= -XX:+UseSerialGC
COLDSTART_RUNS ?= 5
COLDSTART_VARIANTS ?= snapstart,aot,lambda
# COLDSTART_ONLY=NotifierFunction,MissionsFunction: only those functions (and the hello world);
# COLDSTART_JVM_OPTS='-Xlog:class+load:file=/tmp/classes.txt': added to every start's JVM options
COLDSTART_ONLY ?=
COLDSTART_JVM_OPTS ?=
# COLDSTART_BUILD=/elsewhere/.aws-sam/build: the packages of another checkout (an A/B of a change:
# its `make sam-build` there, then this command here and with the default, in turns)
COLDSTART_BUILD ?= .aws-sam/build
API_CALLS ?= 1000
FANOUT ?= 500
API_ROUND ?= 100

.PHONY: bench-coldstart bench-api perf-build

## perf-build: the perf module, the hello-world function and what they run (shared, functions, local)
perf-build:
	$(MVN) -q -DskipTests install -pl perf,perf/hello -am

bench-coldstart: tools emulator sam-build perf-build
	@test -n "$(PERF_RIE)" || { echo "no aws-lambda-rie-$(PERF_ARCH) under $(TOOLS_VENV): make tools installs aws-sam-cli, which ships it" >&2; exit 1; }
	LOG_LEVEL=WARN scripts/with-moto.sh java $(PERF_JAVA_OPTS) -cp "$(PERF_CLASSPATH)" org.socialdeclik.perf.ColdStartBench \
	  --rie "$(PERF_RIE)" --java "$(JAVA_HOME)/bin/java" --runs $(COLDSTART_RUNS) --variants $(COLDSTART_VARIANTS) \
	  --only "$(COLDSTART_ONLY)" --jvm-opts "$(COLDSTART_JVM_OPTS)" --build "$(COLDSTART_BUILD)"

# Each round starts its own emulator, the project's (local/emulator/moto-server), as make run does.
bench-api: emulator perf-build
	LOG_LEVEL=WARN java $(PERF_JAVA_OPTS) \
	  -cp "$(PERF_CLASSPATH)" org.socialdeclik.perf.ApiBench --moto $(MOTO_SERVER_BIN) \
	  --calls $(API_CALLS) --fanout $(FANOUT) --round $(API_ROUND)

# make bench-load: LOAD_PROFILES concurrent sign-ups by LOAD_CLIENTS clients, then LOAD_MISSIONS
# missions fanned out to them (docs/performance.md). LOAD_EMULATOR=path/to/moto_server runs it on
# another emulator program (the plain moto_server of the venv gives the "before" figures).
LOAD_PROFILES ?= 1000
LOAD_CLIENTS ?= 16
LOAD_MISSIONS ?= $(shell echo $$(( ($(LOAD_PROFILES) + 9) / 10 )))
LOAD_EMULATOR ?=
# LOCAL_CONCURRENCY=1: one container per function, as the local run was before (default: the run's, 4)
LOCAL_CONCURRENCY ?=

.PHONY: bench-load
bench-load: emulator perf-build
	LOG_LEVEL=WARN java $(PERF_JAVA_OPTS) -cp "$(PERF_CLASSPATH)" org.socialdeclik.perf.LoadBench \
	  --profiles $(LOAD_PROFILES) --clients $(LOAD_CLIENTS) --missions $(LOAD_MISSIONS) --moto "$(LOAD_EMULATOR)" \
	  --concurrency "$(LOCAL_CONCURRENCY)"

# SAM build, cfn-lint and the Python tools they need. Included by the root Makefile, which
# sets JAVA_HOME, PATH (JDK 25 first) and MVN.
#
#   make tools       .venv/tools with the pinned aws-sam-cli and cfn-lint (requirements-tools.txt)
#   make lint        cfn-lint template.yaml
#   make sam-build   sam build (from the project root, settings in samconfig.toml)
#
# How `sam build` builds the Java functions: each function in template.yaml has
# `Metadata: BuildMethod: makefile` with `ProjectRootDirectory: .` and `ContextPath: .`, so SAM
# runs `make build-<LogicalId>` in the project root with ARTIFACTS_DIR set (samconfig.toml turns
# on build_in_source, so nothing is copied first). Its CodeUri, make/sam-inputs, only says what
# `sam build --cached` hashes (links to the build's inputs: make/sam-inputs/README.md).
# Each target brings the Maven reactor up to date under a lock (scripts/locked.py): the first
# to take the lock runs Maven once, and the others, waiting on the lock, then find the stamp
# fresh. So `sam build --parallel` (samconfig's default here) never starts two Maven builds
# in the same target/ folders. Each target then unpacks its function's shaded jar into
# ARTIFACTS_DIR, which puts the classes and the dependencies' classes at the root of the
# deployment package, where the java runtime looks for them.

TOOLS_VENV := .venv/tools
TOOLS_STAMP := $(TOOLS_VENV)/tools.stamp
TOOLS_PYTHON ?= python3
SAM := $(TOOLS_VENV)/bin/sam
CFN_LINT := $(TOOLS_VENV)/bin/cfn-lint

# No usage reports leave the machine from our builds.
export SAM_CLI_TELEMETRY := 0

# function logical id -> Maven module name under functions/
SAM_FUNCTIONS := Missions:missions Profiles:profiles Matching:matching DeferredProposals:matching Notifier:notifier \
                 EmailFeedback:feedback Recovery:notifier MissionFollowUp:missions Stats:matching \
                 Availability:profiles
SAM_MODULES := $(sort $(foreach f,$(SAM_FUNCTIONS),functions/$(word 2,$(subst :, ,$(f)))))
SAM_JARS := $(foreach m,$(SAM_MODULES),$(m)/target/$(notdir $(m))-function.jar)
sam_empty :=
sam_space := $(sam_empty) $(sam_empty)
sam_comma := ,
SAM_MODULE_LIST := $(subst $(sam_space),$(sam_comma),$(strip $(SAM_MODULES)))

# The reactor is rebuilt when a pom or a main source/resource is newer than the stamp, or
# when a jar has gone (mvn clean in one module, say).
SAM_SOURCES := $(shell find pom.xml shared functions -type f \( -name pom.xml -o -path '*/src/main/*' \) 2>/dev/null)
SAM_STAMP := target/sam-reactor.stamp
SAM_MISSING_JARS := $(filter-out $(wildcard $(SAM_JARS)),$(SAM_JARS))

.PHONY: tools lint sam-build sam-force \
        $(foreach f,$(SAM_FUNCTIONS),build-$(word 1,$(subst :, ,$(f)))Function)

tools: $(TOOLS_STAMP)

$(TOOLS_STAMP): requirements-tools.txt
	@[ -x $(TOOLS_VENV)/bin/python ] || $(TOOLS_PYTHON) -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-tools.txt
	@touch $@

lint: $(TOOLS_STAMP)
	$(CFN_LINT) template.yaml

sam-build: $(TOOLS_STAMP)
	$(SAM) build

sam-force:

# Builds only what the functions need (shared and the function modules); tests are
# make test's business, not the packager's.
$(SAM_STAMP): $(SAM_SOURCES) $(if $(SAM_MISSING_JARS),sam-force)
	$(MVN) -q -DskipTests package -pl $(SAM_MODULE_LIST) -am
	@mkdir -p $(dir $@)
	@touch $@

# Holds the reactor build's lock while make checks, and perhaps rebuilds, the stamp.
SAM_LOCK := target/sam-reactor.lock
SAM_LOCKED = $(TOOLS_PYTHON) scripts/locked.py $(SAM_LOCK) $(MAKE) --no-print-directory $(SAM_STAMP)

# build-MissionsFunction etc.: called by sam build with ARTIFACTS_DIR set, one after the other
# or (sam build --parallel) at the same time, each in its own make process.
define sam_function_target
build-$(1)Function:
	@test -n "$$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this through sam build" >&2; exit 1; }
	$$(SAM_LOCKED)
	mkdir -p "$$(ARTIFACTS_DIR)"
	cd "$$(ARTIFACTS_DIR)" && jar xf "$(CURDIR)/functions/$(2)/target/$(2)-function.jar"
endef
$(foreach f,$(SAM_FUNCTIONS),$(eval $(call sam_function_target,$(word 1,$(subst :, ,$(f))),$(word 2,$(subst :, ,$(f))))))

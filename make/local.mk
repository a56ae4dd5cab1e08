# Docker-free local run: the emulator (local/emulator/moto-server: the pinned moto from
# .venv/emulator, with the changes of local/emulator/moto_server.py), or an emulator already
# running at AWS_ENDPOINT_URL, + the real handlers in one JVM (local/).
# Included by the root Makefile, which sets JAVA_HOME, PATH and MVN.

EMULATOR_VENV     := .venv/emulator
EMULATOR_STAMP    := $(EMULATOR_VENV)/.installed
EMULATOR_PYTHON   ?= $(shell command -v python3.11 || command -v python3)
MOTO_SERVER_BIN   := $(CURDIR)/local/emulator/moto-server
LOCAL_CLASSPATH   := local/target/local-runner.jar:$$(cat local/target/classpath.txt)
LOCAL_JAVA_OPTS   ?= -XX:+UseSerialGC

.PHONY: emulator emulator-check run token endpoint-test clean-emulator

## emulator: the Python venv with the pinned moto[server] (created once; redone when requirements change)
emulator: $(EMULATOR_STAMP)

$(EMULATOR_STAMP): requirements-emulator.txt
	@test -n "$(EMULATOR_PYTHON)" || { echo "Python 3 is needed for the emulator (moto): install python3 and python3-venv" >&2; exit 1; }
	@test -x $(EMULATOR_VENV)/bin/python || $(EMULATOR_PYTHON) -m venv $(EMULATOR_VENV)
	$(EMULATOR_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-emulator.txt
	@touch $@

## emulator-check: proves on the pinned moto that each change of local/emulator/moto_server.py keeps
## moto's answers (run by make test)
emulator-check: $(EMULATOR_STAMP)
	$(EMULATOR_VENV)/bin/python local/emulator/check_moto_server.py

# The reactor is installed again when a pom or a main source or resource is newer than the stamp,
# or when a jar of the runner's class path has gone (mvn clean in one module, say); make test's own
# install refreshes the stamp too.
LOCAL_SOURCES := $(shell find pom.xml shared functions local -type f \( -name pom.xml -o -path '*/src/main/*' \) 2>/dev/null)
LOCAL_STAMP   := local/target/local-runner.stamp
LOCAL_GONE    := $(shell for f in local/target/local-runner.jar local/target/classpath.txt \
                   $$(tr ':' ' ' < local/target/classpath.txt 2>/dev/null); do [ -e "$$f" ] || { echo "$$f"; break; }; done)

.PHONY: local-force
local-force:

$(LOCAL_STAMP): $(LOCAL_SOURCES) $(if $(LOCAL_GONE),local-force)
	$(MVN) -q -DskipTests install
	@touch $@

## run: build, then serve the API on 127.0.0.1:3000 (PORT=... to change, MODERATION=off to publish without review)
## and the web app on 127.0.0.1:8080 (WEB_PORT=... to change), which is then the WEB_BASE_URL of the emails.
## AWS_ENDPOINT_URL=http://localhost:4566 make run: on an emulator already running there (LocalStack, moto),
## which then holds the table, signing key and sender identity (created from template.yaml, or reused)
run: prereqs $(if $(AWS_ENDPOINT_URL),,emulator) web-build $(LOCAL_STAMP)
	@$(if $(PORT),PORT="$(PORT)") $(if $(WEB_PORT),WEB_PORT="$(WEB_PORT)") $(if $(MODERATION),MODERATION="$(MODERATION)") \
	  $(if $(LOCAL_CONCURRENCY),LOCAL_CONCURRENCY="$(LOCAL_CONCURRENCY)") MOTO_SERVER="$(MOTO_SERVER_BIN)" \
	  exec java $(LOCAL_JAVA_OPTS) -cp "$(LOCAL_CLASSPATH)" org.socialdeclik.local.LocalPlatform $(ARGS)

## token: a token signed with the key of the local run, by the functions' code, for the samples of events/:
##   make token PURPOSE=review SUBJECT=<mission id> [EVENT=events/missions/review-approve.json]
## (the emulator: AWS_ENDPOINT_URL, else the one of the run answering on API=http://127.0.0.1:3000)
token: $(LOCAL_STAMP)
	@PURPOSE="$(PURPOSE)" SUBJECT="$(SUBJECT)" EVENT="$(EVENT)" TABLE="$(TABLE)" NONCE="$(NONCE)" API="$(API)" \
	  LOG_LEVEL=WARN java $(LOCAL_JAVA_OPTS) -cp "$(LOCAL_CLASSPATH)" org.socialdeclik.local.TokenTool

## endpoint-test: make run on an emulator it did not start (a moto server standing in for LocalStack),
## twice: everything created the first time, reused the second; make token against it
endpoint-test: emulator web-build $(LOCAL_STAMP)
	scripts/with-moto.sh $(EMULATOR_VENV)/bin/python -m unittest -v local/src/test/python/test_external_endpoint.py

clean-emulator:
	rm -rf $(EMULATOR_VENV)

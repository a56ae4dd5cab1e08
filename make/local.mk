# Docker-free local run: moto (in .venv/emulator) + the real handlers in one JVM (local/).
# Included by the root Makefile, which sets JAVA_HOME, PATH and MVN.

EMULATOR_VENV     := .venv/emulator
EMULATOR_STAMP    := $(EMULATOR_VENV)/.installed
EMULATOR_PYTHON   ?= $(shell command -v python3.11 || command -v python3)
MOTO_SERVER_BIN   := $(CURDIR)/$(EMULATOR_VENV)/bin/moto_server
LOCAL_CLASSPATH   := local/target/local-runner.jar:$$(cat local/target/classpath.txt)
LOCAL_JAVA_OPTS   ?= -XX:+UseSerialGC

.PHONY: emulator run clean-emulator

## emulator: the Python venv with the pinned moto[server] (created once; redone when requirements change)
emulator: $(EMULATOR_STAMP)

$(EMULATOR_STAMP): requirements-emulator.txt
	@test -n "$(EMULATOR_PYTHON)" || { echo "Python 3 is needed for the emulator (moto): install python3 and python3-venv" >&2; exit 1; }
	@test -x $(EMULATOR_VENV)/bin/python || $(EMULATOR_PYTHON) -m venv $(EMULATOR_VENV)
	$(EMULATOR_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-emulator.txt
	@touch $@

## run: build, then serve the API on 127.0.0.1:3000 (PORT=... to change, MODERATION=off to publish without review)
## and the web app on 127.0.0.1:8080 (WEB_PORT=... to change), which is then the WEB_BASE_URL of the emails
run: prereqs emulator web-build
	$(MVN) -q -DskipTests install
	@$(if $(PORT),PORT="$(PORT)") $(if $(WEB_PORT),WEB_PORT="$(WEB_PORT)") $(if $(MODERATION),MODERATION="$(MODERATION)") \
	  MOTO_SERVER="$(MOTO_SERVER_BIN)" \
	  exec java $(LOCAL_JAVA_OPTS) -cp "$(LOCAL_CLASSPATH)" org.socialdeclik.local.LocalPlatform $(ARGS)

clean-emulator:
	rm -rf $(EMULATOR_VENV)

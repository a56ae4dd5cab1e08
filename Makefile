# Social Declik: the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Build and test on the JDK of the java25 Lambda runtime.
JAVA_HOME := $(shell scripts/java-home.sh)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
# Maven 3.8 on JDK 25 warns about sun.misc.Unsafe at every start; the warning is Maven's own.
export MAVEN_OPTS ?= --sun-misc-unsafe-memory-access=allow
MVN ?= mvn -B -ntp

.PHONY: help build test unit-test run clean prereqs

help:
	@echo "make run             set up and run the platform locally (API 127.0.0.1:3000, web 127.0.0.1:8080)"
	@echo "make test            set up and run every test, cfn-lint, sam build and the deploy checks"
	@echo "make unit-test       the unit tests only (no emulator, no network)"
	@echo "make web-test        the web app's browser tests (headless Chromium, real local stack)"
	@echo "make endpoint-test   make run on an emulator it did not start (AWS_ENDPOINT_URL), and make token"
	@echo "make token PURPOSE=review SUBJECT=<id> [EVENT=events/...]   a token signed with the local run's key"
	@echo "make emails          every email in both languages, as HTML and PNG, in web/dist/emails/"
	@echo "make deploy-web STACK=name   build the web app for a deployed stack and upload it"
	@echo "make redrive [STACK=name]    run the recovery sweep now (the stack's, or the local run's)"
	@echo "make backfill [STACK=name]   once after upgrading: plan the availability checks and last notices older versions missed"
	@echo "make security-scan   checkov on template.yaml and on the template SAM makes of it"
	@echo "make deploy-checks   tests/deploy: the transformed template's wiring, names, sam build variants"
	@echo "make bench-coldstart every function started as Lambda does (RIE) beside a hello world"
	@echo "make bench-api       the local stack: 1,000 API calls and a fan-out of 500 proposals"
	@echo "make bench-matching  items read per mission at 1,000 and 10,000 profiles"
	@echo "make bench-scoring   JMH: candidates evaluated and ranked per second"

build:
	$(MVN) -q -DskipTests install

unit-test:
	$(MVN) -q test

# JDK, Maven, Python (and Node.js for the tests) are checked first: what is missing is named
# with the command that installs it (and installed, as root on Debian). scripts/prereqs.sh
prereqs:
	@scripts/prereqs.sh $(if $(filter test,$(MAKECMDGOALS)),test,run)

# Every tier: the emulator's own check, unit tests, integration and end-to-end tests against the
# emulator (started and stopped by scripts/with-moto.sh), make run on an emulator it did not start,
# the browser tests, then cfn-lint, sam build and the deploy checks on the template (make/checks.mk).
test: prereqs emulator-check tools
	scripts/with-moto.sh $(MVN) install -DskipITs=false
	@touch $(LOCAL_STAMP)
	$(MAKE) --no-print-directory endpoint-test
	$(MAKE) --no-print-directory web-test
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory sam-build
	$(MAKE) --no-print-directory deploy-checks
	$(MAKE) --no-print-directory security-scan

clean:
	$(MVN) -q clean
	rm -rf .aws-sam

include make/*.mk

# The web app (web/): a static site built by web/build.py, served locally by the local runner,
# hosted on AWS by the template's S3 bucket behind CloudFront. Included by the root Makefile,
# which sets JAVA_HOME, PATH and MVN.
#
#   make web-build                       web/dist for the local run (API http://127.0.0.1:3000)
#   make web-test                        the browser tests (headless Chromium) and the site's checks
#   make deploy-web STACK=socialdeclik   build for a deployed stack and upload it (AWS CLI)

WEB_PYTHON   ?= $(shell command -v python3.11 || command -v python3)
WEB_DEPS     := web/node_modules/.installed
WEB_RUNNER   := local/target/local-runner.jar

.PHONY: web-build web-deps web-test deploy-web emails

## web-build: web/src -> web/dist, with web/dist/vocab.json from shared/src/main/resources/vocab
web-build:
	@$(WEB_PYTHON) web/build.py $(if $(API_URL),--api-url "$(API_URL)")

## web-deps: the pinned npm packages of the tests (playwright-core, axe-core, and the headless
## Chromium of @sparticuz/chromium, inflated once into web/node_modules/.cache), from package-lock.json
web-deps: $(WEB_DEPS)

$(WEB_DEPS): web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "web-test needs Node.js 20.11+ and npm" >&2; exit 1; }
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@echo "Headless Chromium: $$(node web/tools/chromium.mjs)"
	@touch $@

# The local runner the tests start; make test has just built it, and make build refreshes it.
$(WEB_RUNNER):
	$(MVN) -q -DskipTests install

## web-test: the site's checks, then every flow in headless Chromium against the real local stack
web-test: emulator web-build web-deps $(WEB_RUNNER)
	cd web && node --test --test-concurrency=1 test/*.test.mjs

## deploy-web: build the site for a deployed stack (its ApiUrl) and upload it to its bucket
deploy-web:
	@test -n "$(STACK)" || { echo "usage: make deploy-web STACK=<stack name> (the name given to sam deploy)" >&2; exit 2; }
	@command -v aws >/dev/null || { echo "deploy-web needs the AWS CLI v2, with credentials for the stack's account" >&2; exit 2; }
	@set -euo pipefail; \
	output() { aws cloudformation describe-stacks --stack-name "$(STACK)" \
	  --query "Stacks[0].Outputs[?OutputKey=='$$1'].OutputValue" --output text; }; \
	api="$$(output ApiUrl)"; bucket="$$(output SiteBucketName)"; \
	distribution="$$(output SiteDistributionId)"; site="$$(output SiteUrl)"; \
	for value in "$$api" "$$bucket" "$$distribution"; do \
	  case "$$value" in ""|None) echo "stack $(STACK) lacks the ApiUrl, SiteBucketName or SiteDistributionId output: deploy template.yaml first" >&2; exit 1;; esac; \
	done; \
	$(WEB_PYTHON) web/build.py --api-url "$$api" --meta-csp --out web/dist-aws; \
	aws s3 sync web/dist-aws "s3://$$bucket" --delete --cache-control "no-cache"; \
	aws cloudfront create-invalidation --distribution-id "$$distribution" --paths "/*" --query Invalidation.Id --output text; \
	echo "The site is on $$site (calling $$api)"

## emails: every email, in both languages, with sample data (the real renderer): HTML, text and a
## PNG at phone width (390 px, the tests' headless Chromium) in web/dist/emails/, with an index.html.
## The pictures and the texts are copied to docs/emails/, which git keeps; the HTML stays a build
## output (each file repeats the shared layout the templates already hold once, and would go stale).
EMAILS_DIR ?= web/dist/emails
EMAILS_KEPT ?= docs/emails
emails: web-deps
	$(MVN) -q -DskipTests install -pl local -am
	rm -rf "$(EMAILS_DIR)"
	java -cp "$(WEB_RUNNER):$$(cat local/target/classpath.txt)" org.socialdeclik.local.EmailGallery "$(EMAILS_DIR)"
	cd web && node tools/email-shots.mjs "$(CURDIR)/$(EMAILS_DIR)"
	rm -rf "$(EMAILS_KEPT)" && mkdir -p "$(EMAILS_KEPT)"
	cp "$(EMAILS_DIR)"/*.png "$(EMAILS_DIR)"/*.txt "$(EMAILS_KEPT)"/
	@echo "email gallery: $(EMAILS_DIR)/index.html; its pictures and texts are kept in $(EMAILS_KEPT)/"

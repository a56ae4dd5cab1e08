# The deploy rehearsed without AWS: what cfn-lint and sam build do not check. Included by the
# root Makefile (TOOLS_VENV, TOOLS_STAMP and TOOLS_PYTHON come from make/sam.mk).
#
#   make security-scan   checkov (requirements-scan.txt) on template.yaml and on the CloudFormation
#                        template SAM makes of it (the IAM roles SAM writes included)
#   make deploy-checks   tests/deploy: the transformed template's wiring (stream mappings, logs,
#                        alarms, policies, names) and the `sam build --parallel / --cached` variants

SCAN_VENV := .venv/scan
SCAN_STAMP := $(SCAN_VENV)/scan.stamp
TRANSFORMED_TEMPLATE := target/deploy/template.json

.PHONY: security-scan deploy-checks

$(SCAN_STAMP): requirements-scan.txt
	@[ -x $(SCAN_VENV)/bin/python ] || $(TOOLS_PYTHON) -m venv $(SCAN_VENV)
	$(SCAN_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-scan.txt
	@touch $@

# The template CloudFormation receives, made by the pinned SAM translator (tests/deploy/template_model.py).
$(TRANSFORMED_TEMPLATE): template.yaml tests/deploy/template_model.py $(TOOLS_STAMP)
	@mkdir -p $(dir $@)
	cd tests/deploy && ../../$(TOOLS_VENV)/bin/python -c \
	  'import json, sys, template_model; json.dump(template_model.cloudformation(), sys.stdout, indent=1)' \
	  > $(CURDIR)/$@.tmp
	@mv $@.tmp $@

# On the transformed template, CKV_AWS_95 (access log) concerns the stage SAM makes for HttpApi:
# it is skipped on HttpApi in template.yaml, with why, and SAM does not copy that to the stage.
# A --skip-check list replaces the config file's, so it repeats the config's list.
SCAN_SKIPPED := $(shell sed -n 's/^  - \(CKV_[A-Z0-9_]*\).*/\1/p' make/checkov.yaml | paste -sd, -)
security-scan: $(SCAN_STAMP) $(TRANSFORMED_TEMPLATE)
	$(SCAN_VENV)/bin/checkov --config-file make/checkov.yaml -f template.yaml
	$(SCAN_VENV)/bin/checkov --config-file make/checkov.yaml -f $(TRANSFORMED_TEMPLATE) \
	  --skip-check $(SCAN_SKIPPED),CKV_AWS_95

deploy-checks: $(TOOLS_STAMP)
	cd tests/deploy && ../../$(TOOLS_VENV)/bin/python -m unittest -v 2>&1 | tail -n 40; exit $${PIPESTATUS[0]}

# The recovery sweep on demand (docs/operations.md, "Recovery after an outage"). Included by the
# root Makefile.
#
#   make redrive STACK=socialdeclik   invokes the deployed RecoveryFunction (its live alias) once,
#                                     with the AWS CLI v2, and prints its report
#   make redrive                      the same code in the local run (make run), through
#                                     POST /_local/schedules/RecoveryFunction/Sweep on PORT (3000)

REDRIVE_PYTHON ?= $(shell command -v python3.11 || command -v python3)
# In a recipe: stops unless the AWS CLI is there ($(1): the target's name); a STACK output's value ($(1): its key).
need-aws = command -v aws >/dev/null || { echo "$(1) needs the AWS CLI v2, with credentials for the stack's account" >&2; exit 2; }
stack-output = aws cloudformation describe-stacks --stack-name "$(STACK)" --query "Stacks[0].Outputs[?OutputKey=='$(1)'].OutputValue" --output text

.PHONY: redrive

redrive:
ifneq ($(strip $(STACK)),)
	@$(call need-aws,redrive)
	@set -euo pipefail; \
	fn="$$($(call stack-output,RecoveryFunctionName))"; \
	case "$$fn" in ""|None) echo "stack $(STACK) has no RecoveryFunctionName output: deploy template.yaml first" >&2; exit 1;; esac; \
	out="$$(mktemp)"; trap 'rm -f "$$out"' EXIT; \
	status="$$(aws lambda invoke --function-name "$$fn" --qualifier live --cli-read-timeout 300 \
	  --cli-binary-format raw-in-base64-out --payload '{"source":"make redrive"}' \
	  --query FunctionError --output text "$$out")"; \
	cat "$$out"; echo; \
	case "$$status" in ""|None) ;; *) echo "the sweep failed ($$status): see its log group /aws/lambda/$(STACK)-recovery" >&2; exit 1;; esac
else
	@$(REDRIVE_PYTHON) -c 'import json, sys, urllib.request; \
	r = urllib.request.urlopen(urllib.request.Request("http://127.0.0.1:$(or $(PORT),3000)/_local/schedules/RecoveryFunction/Sweep", method="POST"), timeout=300); \
	print(json.load(r).get("result"))' 2>/dev/null \
	  || { echo "no local run answered on 127.0.0.1:$(or $(PORT),3000): start make run, or give STACK=<stack> for AWS" >&2; exit 1; }
endif

# The calendar backfill, once after upgrading a stack deployed before the availability and mission
# calendars (docs/operations.md, "Upgrading"): plans the availability checks and last notices
# the older versions never planned. Rerunnable: what is planned is not planned again.
#
#   make backfill STACK=socialdeclik  on the stack's table (its TableName output), with the shell's
#                                     AWS credentials and the stack's AvailabilityCheckDays
#   make backfill                     on the local run's table (make run), or AWS_ENDPOINT_URL/TABLE

.PHONY: backfill

backfill: $(LOCAL_STAMP)
ifneq ($(strip $(STACK)),)
	@$(call need-aws,backfill)
	@set -euo pipefail; \
	table="$$($(call stack-output,TableName))"; \
	case "$$table" in ""|None) echo "stack $(STACK) has no TableName output" >&2; exit 1;; esac; \
	days="$$(aws cloudformation describe-stacks --stack-name "$(STACK)" \
	  --query "Stacks[0].Parameters[?ParameterKey=='AvailabilityCheckDays'].ParameterValue" --output text)"; \
	case "$$days" in ""|None) days=60;; esac; \
	region="$${AWS_REGION:-$$(aws configure get region || true)}"; \
	STACK_TABLE="$$table" AVAILABILITY_CHECK_DAYS="$$days" AWS_REGION="$${region:-eu-west-3}" LOG_LEVEL=WARN \
	  java $(LOCAL_JAVA_OPTS) -cp "$(LOCAL_CLASSPATH)" org.socialdeclik.local.BackfillTool
else
	@TABLE="$(TABLE)" API="$(API)" $(if $(AVAILABILITY_CHECK_DAYS),AVAILABILITY_CHECK_DAYS="$(AVAILABILITY_CHECK_DAYS)") \
	  LOG_LEVEL=WARN java $(LOCAL_JAVA_OPTS) -cp "$(LOCAL_CLASSPATH)" org.socialdeclik.local.BackfillTool
endif

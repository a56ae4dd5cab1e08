# The recovery sweep on demand (docs/operations.md, "Recovery after an outage"). Included by the
# root Makefile.
#
#   make redrive STACK=socialdeclik   invokes the deployed RecoveryFunction (its live alias) once,
#                                     with the AWS CLI v2, and prints its report
#   make redrive                      the same code in the local run (make run), through
#                                     POST /_local/schedules/RecoveryFunction/Sweep on PORT (3000)

REDRIVE_PYTHON ?= $(shell command -v python3.11 || command -v python3)

.PHONY: redrive

redrive:
ifneq ($(strip $(STACK)),)
	@command -v aws >/dev/null || { echo "redrive needs the AWS CLI v2, with credentials for the stack's account" >&2; exit 2; }
	@set -euo pipefail; \
	fn="$$(aws cloudformation describe-stacks --stack-name "$(STACK)" \
	  --query "Stacks[0].Outputs[?OutputKey=='RecoveryFunctionName'].OutputValue" --output text)"; \
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

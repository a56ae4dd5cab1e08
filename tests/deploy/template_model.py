"""template.yaml as SAM reads it and as CloudFormation receives it (SAM's own translator, pinned
in requirements-tools.txt), for the tests of this folder. Run with the tools' Python:
`.venv/tools/bin/python -m unittest discover -s tests/deploy` (make deploy-checks)."""
import copy
import functools
import logging
import os
import pathlib

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

# The translator counts what it does for its own service's metrics and warns when nobody publishes them.
logging.getLogger("samtranslator.metrics.metrics").setLevel(logging.ERROR)

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"

# Values for the parameters without a default, as `sam deploy --guided` would ask for them.
PARAMETERS = {
    "SenderEmail": "contact@socialdeclik.example",
    "SenderIdentity": "socialdeclik.example",
    "AdminEmails": "admin@socialdeclik.example",
    "AlarmEmail": "alarms@socialdeclik.example",
}


class _NoManagedPolicyLookups:
    """The translator asks IAM for managed policy ARNs only when a template names a managed
    policy by name; this template names none, so any lookup is a test failure."""

    def load(self):
        raise AssertionError("the SAM translator wanted to look up managed policies by name")


@functools.cache
def _sam():
    with open(TEMPLATE, encoding="utf-8") as f:
        return yaml_parse(f.read())


def sam():
    """template.yaml as written (a fresh copy)."""
    return copy.deepcopy(_sam())


@functools.cache
def _cloudformation():
    # The translator fills AWS::Region into the ARNs it writes; any region will do.
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-3")
    template = sam()
    for name, resource in template["Resources"].items():
        if resource["Type"] == "AWS::Serverless::Function":
            # what `sam package` puts there: the uploaded build of the function
            resource["Properties"]["CodeUri"] = f"s3://deployment-bucket/{name}.zip"
    return transform(template, dict(PARAMETERS), _NoManagedPolicyLookups())


def cloudformation():
    """The CloudFormation template SAM deploys (a fresh copy)."""
    return copy.deepcopy(_cloudformation())


def resources(template, resource_type):
    """{logical id: resource} of one type."""
    return {name: r for name, r in template["Resources"].items() if r["Type"] == resource_type}


def ref_target(value):
    """The logical id a {"Ref": id} or {"Fn::GetAtt": [id, attr]} points at, else None."""
    if isinstance(value, dict) and len(value) == 1:
        if "Ref" in value:
            return value["Ref"]
        if "Fn::GetAtt" in value:
            target = value["Fn::GetAtt"]
            return target[0] if isinstance(target, list) else target.split(".")[0]
    return None

"""Every name the template derives from the stack fits its service's limits for any valid stack
name: a stack name may have 128 characters ([A-Za-z][-A-Za-z0-9]*), more than several AWS
names allow (a CloudFront Function's: 64). Limits come from the CloudFormation resource schemas
that cfn-lint ships (maxLength and pattern of each property)."""
import functools
import json
import pathlib
import re
import unittest

import cfnlint

from template_model import cloudformation

SCHEMAS = pathlib.Path(cfnlint.__file__).parent / "data" / "schemas"
LONGEST_STACK_NAME = "S" + "x" * 127
PSEUDO = {
    "AWS::StackName": LONGEST_STACK_NAME,
    "AWS::StackId": "arn:aws:cloudformation:ap-southeast-5:123456789012:stack/"
                    + LONGEST_STACK_NAME + "/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    "AWS::Region": "ap-southeast-5",
    "AWS::AccountId": "123456789012",
    "AWS::Partition": "aws",
    "AWS::URLSuffix": "amazonaws.com",
}


class Unresolved(Exception):
    """The value names something only CloudFormation knows (another resource's attribute)."""


def resolve(value, variables=None):
    """A string built from the stack's pseudo parameters only, as CloudFormation would build it."""
    variables = variables or {}
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        (fn, arg), = value.items()
        if fn == "Ref" and arg in PSEUDO:
            return PSEUDO[arg]
        if fn == "Fn::Sub":
            text, extra = (arg, {}) if isinstance(arg, str) else (arg[0], arg[1])
            names = dict(variables)
            names.update({k: resolve(v, variables) for k, v in extra.items()})

            def one(match):
                name = match.group(1)
                if name in names:
                    return names[name]
                if name in PSEUDO:
                    return PSEUDO[name]
                raise Unresolved(name)
            return re.sub(r"\$\{([^}!]+)\}", one, text)
        if fn == "Fn::Select":
            return resolve_list(arg[1])[int(arg[0])]
        if fn == "Fn::Join":
            return arg[0].join(resolve(v) for v in resolve_list(arg[1]))
    raise Unresolved(json.dumps(value)[:80])


def resolve_list(value):
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and "Fn::Split" in value:
        delimiter, text = value["Fn::Split"]
        return resolve(text).split(delimiter)
    raise Unresolved(json.dumps(value)[:80])


def mentions_stack(value):
    text = json.dumps(value)
    return "AWS::StackName" in text or "AWS::StackId" in text


@functools.cache
def schema(resource_type):
    providers = json.loads((SCHEMAS / "providers" / "eu-west-3.json").read_text())
    return json.loads((SCHEMAS / "resources" / f"{providers[resource_type]}.json").read_text())


def deref(root, node):
    """Follows "$ref": "#/definitions/X" links of a resource schema."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        path = node["$ref"].lstrip("#/").split("/")
        node = root
        for part in path:
            node = node[part]
        seen += 1
    return node


def named_values(root, node, value, path):
    """(path, property schema, value) for every value below a property, walking the schema."""
    node = deref(root, node)
    if isinstance(value, dict) and not any(k.startswith("Fn::") or k == "Ref" for k in value):
        props = node.get("properties", {})
        for key, child in value.items():
            if key in props:
                yield from named_values(root, props[key], child, f"{path}.{key}")
    elif isinstance(value, list):
        items = node.get("items", {})
        for i, child in enumerate(value):
            yield from named_values(root, items, child, f"{path}[{i}]")
    else:
        yield path, node, value


def violations(template):
    """Every value derived from the stack that breaks its property's maxLength or pattern."""
    found = []
    checked = 0
    for logical_id, resource in template["Resources"].items():
        if not resource["Type"].startswith("AWS::") or resource["Type"].startswith("AWS::Serverless"):
            continue
        root = schema(resource["Type"])
        for path, node, value in named_values(root, root, resource.get("Properties", {}), logical_id):
            if not mentions_stack(value) or node.get("type") not in ("string", None):
                continue
            try:
                text = resolve(value)
            except Unresolved:
                continue
            checked += 1
            if "maxLength" in node and len(text) > node["maxLength"]:
                found.append(f"{path}: {len(text)} characters, at most {node['maxLength']}")
            elif "pattern" in node and not re.search(node["pattern"], text):
                found.append(f"{path}: {text!r} does not match {node['pattern']}")
    return found, checked


class Names(unittest.TestCase):
    def test_every_name_derived_from_the_stack_fits_for_the_longest_stack_name(self):
        found, checked = violations(cloudformation())
        self.assertEqual(found, [])
        self.assertGreaterEqual(checked, 10, "log groups, alarms, dashboard, CloudFront names ...")

    def test_the_check_catches_a_cloudfront_function_named_after_the_stack(self):
        template = {"Resources": {"Paths": {"Type": "AWS::CloudFront::Function", "Properties": {
            "Name": {"Fn::Sub": "${AWS::StackName}-site-paths"}, "AutoPublish": True,
            "FunctionCode": "x", "FunctionConfig": {"Comment": "c", "Runtime": "cloudfront-js-2.0"}}}}}
        found, checked = violations(template)
        self.assertEqual(checked, 1)
        self.assertEqual(len(found), 1)
        self.assertIn("139 characters, at most 64", found[0])

    def test_the_stack_id_gives_a_short_unique_part(self):
        value = {"Fn::Sub": ["sd-paths-${Id}", {"Id": {"Fn::Select": [2, {"Fn::Split": ["/", {"Ref": "AWS::StackId"}]}]}}]}
        self.assertEqual(resolve(value), "sd-paths-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")


if __name__ == "__main__":
    unittest.main()

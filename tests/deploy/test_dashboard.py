"""The dashboard shows what the issue asks of it, for every function and every business number
the code counts (shared/.../logging/BusinessMetric.java, read here as text)."""
import json
import re
import unittest

from template_model import ROOT, resources, sam

LOGGING = ROOT / "shared" / "src" / "main" / "java" / "org" / "socialdeclik" / "shared" / "logging"


def counted_metrics():
    """The metric names of the BusinessMetric enum, and the namespace and dimension of BusinessMetrics."""
    names = re.findall(r'^\s+[A-Z_]+\("([A-Za-z]+)"\)', (LOGGING / "BusinessMetric.java").read_text(), re.M)
    source = (LOGGING / "BusinessMetrics.java").read_text()
    namespace = re.search(r'NAMESPACE = "([^"]+)"', source).group(1)
    dimension = re.search(r'DIMENSION = "([^"]+)"', source).group(1)
    return names, namespace, dimension


def dashboard_widgets():
    body = sam()["Resources"]["Dashboard"]["Properties"]["DashboardBody"]["Fn::Sub"]
    return json.loads(body)["widgets"]


def graphed():
    """Every metric line of the dashboard, as [namespace, name, dimension name, value, ...]."""
    return [m for w in dashboard_widgets() for m in w["properties"].get("metrics", [])]


class Dashboard(unittest.TestCase):
    def test_every_business_number_the_code_counts_is_graphed_for_this_stack(self):
        names, namespace, dimension = counted_metrics()
        self.assertGreaterEqual(len(names), 9)
        shown = {m[1] for m in graphed() if m[0] == namespace and m[2:4] == [dimension, "${AWS::StackName}"]}
        self.assertEqual(set(names), shown)

    def test_every_function_has_its_duration_errors_and_throttles_graphed(self):
        functions = set(resources(sam(), "AWS::Serverless::Function"))
        for metric in ("Duration", "Errors", "Throttles"):
            with self.subTest(metric):
                shown = {m[3] for m in graphed() if m[:3] == ["AWS/Lambda", metric, "FunctionName"]}
                self.assertEqual(shown, {"${%s}" % f for f in functions})

    def test_starts_are_read_from_every_functions_log_group(self):
        logs = [w for w in dashboard_widgets() if w["type"] == "log"]
        self.assertEqual(len(logs), 1)
        groups = set(re.findall(r"SOURCE '\$\{([A-Za-z]+)\}'", logs[0]["properties"]["query"]))
        used = {f["Properties"]["LoggingConfig"]["LogGroup"]["Ref"]
                for f in resources(sam(), "AWS::Serverless::Function").values()}
        self.assertEqual(groups, used)

    def test_api_streams_failure_queues_and_email_are_on_it(self):
        pairs = {(m[0], m[1]) for m in graphed()}
        for expected in [("AWS/ApiGateway", "Count"), ("AWS/ApiGateway", "5xx"), ("AWS/ApiGateway", "Latency"),
                         ("AWS/Lambda", "IteratorAge"), ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
                         ("AWS/SES", "Send"), ("AWS/SES", "Bounce"), ("AWS/SES", "Complaint")]:
            with self.subTest(expected):
                self.assertIn(expected, pairs)
        queues = {m[3] for m in graphed() if m[0] == "AWS/SQS"}
        self.assertEqual(queues, {"${%s.QueueName}" % q for q in resources(sam(), "AWS::SQS::Queue")})


if __name__ == "__main__":
    unittest.main()

"""The wiring that matters, asserted on the CloudFormation template that SAM makes of
template.yaml: what a first deploy would create, short of creating it."""
import json
import re
import unittest

from template_model import cloudformation, ref_target, resources, sam

STREAM_SOURCE = "AWS::Lambda::EventSourceMapping"


def statements(document):
    found = document.get("Statement", [])
    return found if isinstance(found, list) else [found]


def resources_of(statement):
    found = statement.get("Resource", [])
    return found if isinstance(found, list) else [found]


def is_wildcard(resource):
    """A resource that can match more than the project's own resources: any "*", except the
    objects of one bucket of this template ("${SiteBucket.Arn}/*")."""
    if isinstance(resource, dict) and "Fn::Sub" in resource:
        text = resource["Fn::Sub"]
        text = text[0] if isinstance(text, list) else text
    elif isinstance(resource, str):
        text = resource
    else:
        return False  # a Ref or GetAtt of a resource of this template
    if "*" not in text:
        return False
    return not re.fullmatch(r"\$\{[A-Za-z0-9]+\.Arn\}/\*", text)


class StreamMappings(unittest.TestCase):
    def setUp(self):
        self.cfn = cloudformation()
        self.mappings = resources(self.cfn, STREAM_SOURCE)

    def test_there_are_stream_mappings(self):
        self.assertGreaterEqual(len(self.mappings), 2, "matching and notifier read the table's stream")

    def test_every_mapping_calls_the_live_alias(self):
        for name, mapping in self.mappings.items():
            with self.subTest(name):
                alias = ref_target(mapping["Properties"]["FunctionName"])
                self.assertIsNotNone(alias, "FunctionName must be a Ref to the alias")
                target = self.cfn["Resources"][alias]
                self.assertEqual(target["Type"], "AWS::Lambda::Alias")
                self.assertEqual(target["Properties"]["Name"], "live")

    def test_every_mapping_filters_on_the_dynamodb_key_only(self):
        for name, mapping in self.mappings.items():
            with self.subTest(name):
                filters = mapping["Properties"]["FilterCriteria"]["Filters"]
                self.assertTrue(filters, "a stream consumer without a filter is woken by every write")
                for f in filters:
                    pattern = json.loads(f["Pattern"])
                    # Lambda: DynamoDB event source mappings only support filtering on the dynamodb key
                    self.assertEqual(list(pattern), ["dynamodb"], f["Pattern"])

    def test_every_mapping_bisects_retries_a_bounded_number_of_times_and_parks_failures(self):
        queues = resources(self.cfn, "AWS::SQS::Queue")
        for name, mapping in self.mappings.items():
            with self.subTest(name):
                props = mapping["Properties"]
                self.assertIs(props["BisectBatchOnFunctionError"], True)
                self.assertIn(props["MaximumRetryAttempts"], range(0, 11))
                self.assertIn(props["MaximumRecordAgeInSeconds"], range(60, 86401))
                self.assertEqual(props["FunctionResponseTypes"], ["ReportBatchItemFailures"])
                destination = props["DestinationConfig"]["OnFailure"]["Destination"]
                self.assertEqual(list(destination), ["Fn::GetAtt"])
                self.assertIn(ref_target(destination), queues, "an SQS queue of this stack")
                self.assertEqual(destination["Fn::GetAtt"][1], "Arn")

    def test_the_notifier_is_woken_by_new_outbox_items_only(self):
        notifier = [m for m in self.mappings.values()
                    if ref_target(m["Properties"]["FunctionName"]).startswith("NotifierFunction")]
        self.assertEqual(len(notifier), 1)
        for f in notifier[0]["Properties"]["FilterCriteria"]["Filters"]:
            pattern = json.loads(f["Pattern"])["dynamodb"]
            self.assertEqual(pattern["OldImage"], {"entity": {"S": [{"exists": False}]}}, "inserts only")


class FunctionsAndLogs(unittest.TestCase):
    def setUp(self):
        self.cfn = cloudformation()
        self.functions = resources(self.cfn, "AWS::Lambda::Function")

    def test_every_function_logs_to_its_own_group_with_a_retention(self):
        groups = resources(self.cfn, "AWS::Logs::LogGroup")
        used = []
        for name, function in self.functions.items():
            with self.subTest(name):
                group = ref_target(function["Properties"]["LoggingConfig"]["LogGroup"])
                self.assertIn(group, groups, "LoggingConfig.LogGroup must name a log group of this template")
                self.assertIn(groups[group]["Properties"]["RetentionInDays"], (7, 14, 30, 60, 90))
                self.assertEqual(function["Properties"]["LoggingConfig"]["LogFormat"], "JSON")
                used.append(group)
        self.assertEqual(len(used), len(set(used)), "one log group per function")

    def test_every_function_has_an_alarm_on_its_errors_and_throttles(self):
        alarms = resources(self.cfn, "AWS::CloudWatch::Alarm")
        watched = {}
        for alarm in alarms.values():
            for query in alarm["Properties"].get("Metrics", []):
                metric = query.get("MetricStat", {}).get("Metric", {})
                if metric.get("Namespace") == "AWS/Lambda":
                    for dimension in metric.get("Dimensions", []):
                        watched.setdefault(ref_target(dimension["Value"]), set()).add(metric["MetricName"])
        for name in self.functions:
            with self.subTest(name):
                self.assertEqual(watched.get(name), {"Errors", "Throttles"})

    def test_every_stream_consumer_has_an_iterator_age_alarm(self):
        alarms = resources(self.cfn, "AWS::CloudWatch::Alarm").values()
        aged = {ref_target(a["Properties"]["Dimensions"][0]["Value"]) for a in alarms
                if a["Properties"].get("MetricName") == "IteratorAge"}
        consumers = {ref_target(m["Properties"]["FunctionName"])
                     for m in resources(self.cfn, STREAM_SOURCE).values()}
        self.assertEqual({c.removesuffix("Aliaslive") for c in consumers}, aged)


class Alarms(unittest.TestCase):
    def setUp(self):
        self.cfn = cloudformation()
        self.alarms = resources(self.cfn, "AWS::CloudWatch::Alarm")

    def test_every_alarm_notifies_the_alarm_topic_when_it_fires_and_when_it_clears(self):
        self.assertGreaterEqual(len(self.alarms), 10)
        for name, alarm in self.alarms.items():
            with self.subTest(name):
                self.assertEqual(alarm["Properties"]["AlarmActions"], [{"Ref": "AlarmTopic"}])
                self.assertEqual(alarm["Properties"]["OKActions"], [{"Ref": "AlarmTopic"}])
                self.assertEqual(alarm["Properties"]["TreatMissingData"], "notBreaching")

    def test_the_alarm_topic_emails_the_alarm_address(self):
        topic = self.cfn["Resources"]["AlarmTopic"]["Properties"]
        self.assertEqual(topic["Subscription"], [{"Protocol": "email", "Endpoint": {"Ref": "AlarmEmail"}}])

    def test_alarm_names_match_what_the_key_and_topic_policies_let_cloudwatch_publish(self):
        for name, alarm in self.alarms.items():
            with self.subTest(name):
                self.assertTrue(alarm["Properties"]["AlarmName"]["Fn::Sub"].startswith("${AWS::StackName}-"))

    def test_ses_reputation_alarms_fire_well_before_aws_reviews_the_account(self):
        by_metric = {a["Properties"].get("MetricName"): a["Properties"] for a in self.alarms.values()}
        self.assertLessEqual(by_metric["Reputation.BounceRate"]["Threshold"], 0.05 / 2)
        self.assertLessEqual(by_metric["Reputation.ComplaintRate"]["Threshold"], 0.001 / 2)


class Policies(unittest.TestCase):
    """No statement the project writes grants on "*". AWS-managed policies that SAM attaches
    (AWSLambdaBasicExecutionRole, AWSLambdaDynamoDBExecutionRole) are AWS's, not written here."""

    def documents(self):
        cfn = cloudformation()
        for name, role in resources(cfn, "AWS::IAM::Role").items():
            for policy in role["Properties"].get("Policies", []):
                yield f"{name}/{policy['PolicyName']}", policy["PolicyDocument"]
        for kind in ("AWS::SNS::TopicPolicy", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::IAM::Policy"):
            for name, resource in resources(cfn, kind).items():
                yield name, resource["Properties"]["PolicyDocument"]

    def test_no_policy_statement_grants_on_a_wildcard_resource(self):
        checked = 0
        for name, document in self.documents():
            for statement in statements(document):
                if statement.get("Effect") == "Deny":
                    continue
                for resource in resources_of(statement):
                    checked += 1
                    with self.subTest(policy=name, sid=statement.get("Sid")):
                        self.assertFalse(is_wildcard(resource), resource)
        self.assertGreater(checked, 10)

    def test_the_wildcard_check_sees_wildcards(self):
        self.assertTrue(is_wildcard("*"))
        self.assertTrue(is_wildcard({"Fn::Sub": "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/*"}))
        self.assertTrue(is_wildcard("arn:aws:s3:::*"))
        self.assertFalse(is_wildcard({"Fn::Sub": "${SiteBucket.Arn}/*"}))
        self.assertFalse(is_wildcard({"Fn::GetAtt": ["Table", "Arn"]}))

    def test_key_policy_grants_are_bound_to_this_account_and_these_sources(self):
        # In a key policy, Resource "*" means the key itself; the service grants carry conditions.
        key = cloudformation()["Resources"]["TopicsKey"]["Properties"]
        self.assertIs(key["EnableKeyRotation"], True)
        services = {}
        for statement in statements(key["KeyPolicy"]):
            service = statement["Principal"].get("Service")
            if service:
                services[service] = statement
                self.assertEqual(statement["Condition"]["StringEquals"]["aws:SourceAccount"], {"Ref": "AWS::AccountId"})
                self.assertIn("aws:SourceArn", statement["Condition"]["ArnLike"])
                self.assertEqual(sorted(statement["Action"]), ["kms:Decrypt", "kms:GenerateDataKey*"])
        self.assertEqual(set(services), {"ses.amazonaws.com", "cloudwatch.amazonaws.com"})
        ses_source = services["ses.amazonaws.com"]["Condition"]["ArnLike"]["aws:SourceArn"]["Fn::Sub"]
        self.assertTrue(ses_source.endswith(":configuration-set/${EmailConfigurationSet}"))


class Email(unittest.TestCase):
    def setUp(self):
        self.cfn = cloudformation()

    def test_both_topics_use_the_stacks_customer_managed_key(self):
        for topic in ("EmailEventsTopic", "AlarmTopic"):
            with self.subTest(topic):
                key = self.cfn["Resources"][topic]["Properties"]["KmsMasterKeyId"]
                self.assertEqual(key, {"Ref": "TopicsKey"}, "an AWS-managed key (alias/aws/sns) shuts SES and CloudWatch out")

    def test_the_event_destination_waits_for_the_topic_policy(self):
        destination = self.cfn["Resources"]["EmailEventDestination"]
        depends = destination.get("DependsOn", [])
        self.assertIn("EmailEventsTopicPolicy", [depends] if isinstance(depends, str) else depends)

    def test_an_existing_identity_can_be_used_instead_of_created(self):
        template = sam()
        self.assertEqual(template["Resources"]["EmailIdentity"]["Condition"], "CreatesSenderIdentity")
        self.assertEqual(template["Parameters"]["CreateSenderIdentity"]["AllowedValues"], ["yes", "no"])

    def test_the_dkim_records_are_outputs_of_a_created_domain_identity(self):
        outputs = sam()["Outputs"]
        for i in (1, 2, 3):
            with self.subTest(i):
                output = outputs[f"DkimRecord{i}"]
                self.assertEqual(output["Condition"], "OutputsDkimRecords")
                self.assertIn(f"EmailIdentity.DkimDNSTokenName{i}", output["Value"]["Fn::Sub"])
                self.assertIn(f"EmailIdentity.DkimDNSTokenValue{i}", output["Value"]["Fn::Sub"])


class Schedules(unittest.TestCase):
    def test_no_schedule_has_a_name_that_a_second_stack_would_collide_with(self):
        schedules = resources(cloudformation(), "AWS::Scheduler::Schedule")
        self.assertTrue(schedules)
        for name, schedule in schedules.items():
            with self.subTest(name):
                self.assertNotIn("Name", schedule["Properties"], "a fixed name exists once per account and region")

    def test_the_weekly_digests_leave_on_monday_at_8_paris_time_from_the_deferred_proposals_function(self):
        # what SAM makes of the MondayDigest event: the time zone reaches AWS::Scheduler::Schedule
        schedules = resources(cloudformation(), "AWS::Scheduler::Schedule")
        monday = [s["Properties"] for s in schedules.values()
                  if s["Properties"].get("ScheduleExpression") == "cron(0 8 ? * MON *)"]
        self.assertEqual(len(monday), 1)
        self.assertEqual(monday[0].get("ScheduleExpressionTimezone"), "Europe/Paris")
        self.assertIn("DeferredProposalsFunction", str(monday[0]["Target"]["Arn"]))


if __name__ == "__main__":
    unittest.main()

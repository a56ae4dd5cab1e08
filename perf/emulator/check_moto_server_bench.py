"""Checks, on the pinned moto, that moto_server_bench.py changes only the cost of a transaction:
a cancelled one leaves no item and no stream record behind, committed ones apply, and 20
transactions on a 3,000-item table take well under a second (seconds without the change).
Run by make bench-api before it starts the emulator."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import moto_server_bench  # noqa: E402,F401  (applies the change)
import boto3  # noqa: E402
from moto import mock_aws  # noqa: E402
from moto.dynamodb.models import dynamodb_backends  # noqa: E402

ACCOUNT, REGION = "123456789012", "eu-west-3"


def key(pk):
    return {"pk": {"S": pk}, "sk": {"S": "A"}}


@mock_aws
def check():
    ddb = boto3.client("dynamodb", region_name=REGION, aws_access_key_id="local", aws_secret_access_key="local")
    ddb.create_table(TableName="t", BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                           {"AttributeName": "sk", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                                {"AttributeName": "sk", "KeyType": "RANGE"}],
                     StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
    ddb.put_item(TableName="t", Item={**key("A"), "v": {"N": "1"}})
    for i in range(3000):
        ddb.put_item(TableName="t", Item=key("F%d" % i))

    def stream_records():
        return len(dynamodb_backends[ACCOUNT][REGION].tables["t"].stream_shard.items)

    before = stream_records()
    try:
        ddb.transact_write_items(TransactItems=[
            {"Put": {"TableName": "t", "Item": key("B")}},
            {"Update": {"TableName": "t", "Key": key("A"), "UpdateExpression": "SET v = :two",
                        "ExpressionAttributeValues": {":two": {"N": "2"}}}},
            {"ConditionCheck": {"TableName": "t", "Key": key("F0"),
                                "ConditionExpression": "attribute_not_exists(pk)"}}])
        sys.exit("a transaction whose condition fails was not cancelled")
    except ddb.exceptions.TransactionCanceledException:
        pass
    if "Item" in ddb.get_item(TableName="t", Key=key("B")):
        sys.exit("a cancelled transaction left an item behind")
    if ddb.get_item(TableName="t", Key=key("A"))["Item"]["v"]["N"] != "1":
        sys.exit("a cancelled transaction changed an item")
    if stream_records() != before:
        sys.exit("a cancelled transaction left stream records behind")
    start = time.time()
    for i in range(20):
        ddb.transact_write_items(TransactItems=[
            {"Put": {"TableName": "t", "Item": key("C%d" % i)}},
            {"Update": {"TableName": "t", "Key": key("A"), "UpdateExpression": "SET v = v + :one",
                        "ExpressionAttributeValues": {":one": {"N": "1"}}}}])
    took = time.time() - start
    if ddb.get_item(TableName="t", Key=key("A"))["Item"]["v"]["N"] != "21" or stream_records() != before + 40:
        sys.exit("committed transactions were not applied as written")
    print("moto_server_bench: cancelled transactions leave no trace, committed ones apply; "
          "20 transactions on a 3,000-item table in %.2f s" % took)


if __name__ == "__main__":
    check()

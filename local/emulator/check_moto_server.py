"""Proves, on the pinned moto, that each change of moto_server.py changes only what a request costs,
not what it answers. Run by `make test` (make emulator-check) with the emulator venv's Python;
exits non-zero with the reason at the first check that fails.

1. transactions: a cancelled one leaves no item and no stream record behind, committed ones
   apply, and no table is copied while one runs;
2. one request at a time: a request waits while another holds the lock, and concurrent
   transactions, cancelled and committed, leave exactly the committed writes and their records;
3. a table Query answers the same items, in the same order and pages, as moto's own, and lists
   only its partition;
4. shard iterators are forgotten 15 minutes after they were handed out, and not before;
5. GetRecords, Query and GetItem answers, read over HTTP from the server, are the same JSON (and
   the same answers to boto3) whether json.dumps or moto's own writer wrote them;
6. a stream record kept as JSON text reads back as the record moto builds, and takes less memory.
"""
import json
import logging
import os
import socket
import sys
import threading
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import moto_server  # noqa: E402  (applies the changes)
import boto3  # noqa: E402
from moto import mock_aws  # noqa: E402
from moto.dynamodb.models import dynamodb_backends  # noqa: E402
from moto.dynamodb.models.dynamo_type import DynamoType  # noqa: E402
from moto.dynamodb.models.table import StreamRecord, Table  # noqa: E402
from moto.dynamodbstreams.models import dynamodbstreams_backends  # noqa: E402
from moto.dynamodb.responses import DynamoHandler  # noqa: E402
from moto.dynamodbstreams.responses import DynamoDBStreamsHandler  # noqa: E402
from moto.moto_server.threaded_moto_server import ThreadedMotoServer  # noqa: E402

ACCOUNT, REGION = "123456789012", "eu-west-3"


def fail(reason):
    sys.exit("check_moto_server: " + reason)


def client(service="dynamodb"):
    return boto3.client(service, region_name=REGION, aws_access_key_id="local", aws_secret_access_key="local")


def key(pk, sk="A"):
    return {"pk": {"S": pk}, "sk": {"S": sk}}


def create_table(ddb, name):
    ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                           {"AttributeName": "sk", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                                {"AttributeName": "sk", "KeyType": "RANGE"}],
                     StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})


def table(name):
    return dynamodb_backends[ACCOUNT][REGION].tables[name]


def seed(name, items):
    """Writes items straight into the backend (as fast as moto goes: the checks time other things)."""
    backend = dynamodb_backends[ACCOUNT][REGION]
    for item in items:
        backend.put_item(name, item)


def stream_records(name):
    return len(table(name).stream_shard.items)


def check_transactions(ddb):
    create_table(ddb, "tx")
    ddb.put_item(TableName="tx", Item={**key("A"), "v": {"N": "1"}})
    seed("tx", (key("F%d" % i) for i in range(3000)))
    before = stream_records("tx")
    try:
        ddb.transact_write_items(TransactItems=[
            {"Put": {"TableName": "tx", "Item": key("B")}},
            {"Update": {"TableName": "tx", "Key": key("A"), "UpdateExpression": "SET v = :two",
                        "ExpressionAttributeValues": {":two": {"N": "2"}}}},
            {"ConditionCheck": {"TableName": "tx", "Key": key("F0"),
                                "ConditionExpression": "attribute_not_exists(pk)"}}])
        fail("a transaction whose condition fails was not cancelled")
    except ddb.exceptions.TransactionCanceledException:
        pass
    if "Item" in ddb.get_item(TableName="tx", Key=key("B")):
        fail("a cancelled transaction left an item behind")
    if ddb.get_item(TableName="tx", Key=key("A"))["Item"]["v"]["N"] != "1":
        fail("a cancelled transaction changed an item")
    if stream_records("tx") != before:
        fail("a cancelled transaction left stream records behind")

    copied = []
    deepcopy = moto_server._deepcopy

    def spy(value, memo=None):
        if isinstance(value, Table):
            copied.append(value.name)
        return deepcopy(value, memo)

    moto_server._deepcopy = spy
    try:
        start = time.time()
        for i in range(20):
            ddb.transact_write_items(TransactItems=[
                {"Put": {"TableName": "tx", "Item": key("C%d" % i)}},
                {"Update": {"TableName": "tx", "Key": key("A"), "UpdateExpression": "SET v = v + :one",
                            "ExpressionAttributeValues": {":one": {"N": "1"}}}}])
        took = time.time() - start
    finally:
        moto_server._deepcopy = deepcopy
    if copied:
        fail("a transaction copied a whole table: %s" % copied[:3])
    if ddb.get_item(TableName="tx", Key=key("A"))["Item"]["v"]["N"] != "21" or stream_records("tx") != before + 40:
        fail("committed transactions were not applied as written")
    print("1. transactions: cancelled ones leave no trace, committed ones apply, no table copied; "
          "20 on a 3,000-item table in %.2f s" % took)


def check_one_at_a_time(ddb):
    create_table(ddb, "locks")
    answered = threading.Event()

    def put():
        client().put_item(TableName="locks", Item=key("waiting"))
        answered.set()

    with moto_server._one_at_a_time:
        writer = threading.Thread(target=put)
        writer.start()
        if answered.wait(0.5):
            fail("a request was answered while another held the emulator's lock")
    if not answered.wait(10):
        fail("a request waiting for the lock was not answered once it was free")
    writer.join()

    errors = []
    committed = []

    def worker(n):
        own = client()
        for i in range(40):
            items = [{"Put": {"TableName": "locks", "Item": key("W%d-%d" % (n, i))}}]
            if i % 2:
                items.append({"ConditionCheck": {"TableName": "locks", "Key": key("waiting"),
                                                 "ConditionExpression": "attribute_not_exists(pk)"}})
            try:
                own.transact_write_items(TransactItems=items)
                committed.append("W%d-%d" % (n, i))
            except own.exceptions.TransactionCanceledException:
                pass
            except Exception as e:  # noqa: BLE001  (any other answer is a failure of the check)
                errors.append(repr(e))

    before = stream_records("locks")
    workers = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if errors:
        fail("concurrent transactions failed: %s" % errors[:3])
    if len(committed) != 160:
        fail("%d of 160 transactions without a failing condition committed" % len(committed))
    if stream_records("locks") != before + 160:
        fail("concurrent transactions left %d stream records for 160 committed writes"
             % (stream_records("locks") - before))
    print("2. one request at a time: a request waits for the lock; 320 concurrent transactions "
          "(half cancelled) left exactly the 160 committed writes' records")


def query_pages(ddb, **query):
    pages, start = [], None
    while True:
        args = dict(query)
        if start:
            args["ExclusiveStartKey"] = start
        answer = ddb.query(TableName="q", **args)
        pages.append([(i["pk"]["S"], i["sk"]["S"]) for i in answer["Items"]])
        start = answer.get("LastEvaluatedKey")
        if not start:
            return pages


def check_query(ddb):
    create_table(ddb, "q")
    seed("q", ({**key("P%02d" % p, "S#%02d" % s), "n": {"N": str(s)}} for p in range(60) for s in range(30)))
    queries = [
        {"KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": {"S": "P07"}}},
        {"KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": {"S": "nobody"}}},
        {"KeyConditionExpression": "pk = :p AND begins_with(sk, :s)",
         "ExpressionAttributeValues": {":p": {"S": "P12"}, ":s": {"S": "S#1"}}},
        {"KeyConditionExpression": "pk = :p AND sk BETWEEN :a AND :b", "ScanIndexForward": False,
         "ExpressionAttributeValues": {":p": {"S": "P33"}, ":a": {"S": "S#05"}, ":b": {"S": "S#21"}}},
        {"KeyConditionExpression": "pk = :p", "Limit": 7, "FilterExpression": "n > :n",
         "ExpressionAttributeValues": {":p": {"S": "P59"}, ":n": {"N": "4"}}},
    ]
    listed = []
    all_items = moto_server._all_items

    def spy(self):
        found = all_items(self)
        listed.append(len(found))
        return found

    moto_server._all_items = spy
    try:
        ours = [query_pages(ddb, **q) for q in queries]
    finally:
        moto_server._all_items = all_items
    Table.query = moto_server._query
    try:
        theirs = [query_pages(ddb, **q) for q in queries]
    finally:
        Table.query = moto_server.query
    if ours != theirs:
        fail("a table Query answered differently from moto's own: %s / %s" % (ours, theirs))
    if listed:
        fail("a table Query listed the whole table (%d items)" % max(listed))
    print("3. table Query: the same items, order and pages as moto's own for %d queries, "
          "without listing the table" % len(queries))


def check_iterators(ddb):
    create_table(ddb, "it")
    streams = dynamodbstreams_backends[ACCOUNT][REGION]
    arn = ddb.describe_table(TableName="it")["Table"]["LatestStreamArn"]
    shard = table("it").stream_shard.id
    now = [1000.0]
    moto_server.clock = lambda: now[0]
    try:
        def iterator():
            return streams.get_shard_iterator(arn, shard, "TRIM_HORIZON").arn
        old = iterator()
        now[0] += 14 * 60
        kept = iterator()
        streams.get_records(old, 10)
        now[0] += 2 * 60
        iterator()
        if old in streams.shard_iterators:
            fail("a shard iterator was kept after 15 minutes")
        if kept not in streams.shard_iterators:
            fail("a shard iterator was forgotten before 15 minutes")
    finally:
        moto_server.clock = time.monotonic
    print("4. shard iterators: forgotten 15 minutes after they were handed out, kept until then")


class Recorder:
    """Calls an API through boto3 and keeps each answer's raw JSON."""

    def __init__(self, client):
        self.client = client
        self.raw = []
        client.meta.events.register("before-parse", lambda response_dict, **kw: self.raw.append(response_dict["body"]))

    def call(self, operation, **args):
        answer = getattr(self.client, operation)(**args)
        answer.pop("ResponseMetadata")
        answer.pop("NextShardIterator", None)  # a fresh random id in every answer
        body = json.loads(self.raw[-1])
        body.pop("NextShardIterator", None)
        return answer, body


def both_writers(calls):
    """Each call's (boto3 answer, raw JSON), written by json.dumps and then by moto's own writer."""
    ours = [call() for call in calls]
    DynamoHandler.serialized = DynamoDBStreamsHandler.serialized = moto_server._serialized
    try:
        theirs = [call() for call in calls]
    finally:
        DynamoHandler.serialized = DynamoDBStreamsHandler.serialized = moto_server.serialized
    for what, mine, moto in zip(("GetRecords", "GetRecords", "Query", "Query", "GetItem", "GetItem", "GetItem"),
                                ours, theirs):
        if mine != moto:
            fail("%s written by json.dumps differs from moto's own:\n%s\n%s" % (what, mine, moto))
    return ours


def check_fast_answers():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        options = dict(region_name=REGION, endpoint_url="http://127.0.0.1:%d" % port, aws_access_key_id="local",
                       aws_secret_access_key="local")
        ddb = Recorder(boto3.client("dynamodb", **options))
        streams = Recorder(boto3.client("dynamodbstreams", **options))
        create_table(ddb.client, "rec")
        every_type = {**key("P", "1"), "s": {"S": "é\"\n<x>"}, "n": {"N": "12.50"}, "b": {"BOOL": True},
                      "z": {"NULL": True}, "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2"]},
                      "l": {"L": [{"S": "x"}, {"N": "3"}]}, "m": {"M": {"k": {"S": "v"}, "in": {"M": {"n": {"N": "0"}}}}}}
        ddb.client.put_item(TableName="rec", Item=every_type)
        ddb.client.put_item(TableName="rec", Item={**every_type, **key("P", "2")})
        ddb.client.update_item(TableName="rec", Key=key("P", "1"), UpdateExpression="SET n = :n",
                               ExpressionAttributeValues={":n": {"N": "13"}})
        ddb.client.put_item(TableName="rec", Item=key("P", "4"))
        ddb.client.delete_item(TableName="rec", Key=key("P", "4"))
        ddb.client.put_item(TableName="rec", Item={**key("X", "3"), "bin": {"B": b"\x00\x01binary"}})
        arn = ddb.client.describe_table(TableName="rec")["Table"]["LatestStreamArn"]
        shard = table("rec").stream_shard.id

        def records(limit):
            iterator = streams.client.get_shard_iterator(StreamArn=arn, ShardId=shard,
                                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
            return streams.call("get_records", ShardIterator=iterator, Limit=limit)

        def query(**more):
            return ddb.call("query", TableName="rec", KeyConditionExpression="pk = :p",
                            ExpressionAttributeValues={":p": {"S": "P"}}, **more)

        ours = both_writers([lambda: records(3), lambda: records(10), lambda: query(Limit=1),
                             lambda: query(ReturnConsumedCapacity="TOTAL"),
                             lambda: ddb.call("get_item", TableName="rec", Key=key("P", "1")),
                             lambda: ddb.call("get_item", TableName="rec", Key=key("P", "4")),
                             lambda: ddb.call("get_item", TableName="rec", Key=key("X", "3"))])
        if len(ours[1][0]["Records"]) != 6 or len(ours[3][0]["Items"]) != 2 or "LastEvaluatedKey" not in ours[2][0]:
            fail("the answers compared were not the ones meant: %s" % ours)

        create_table(ddb.client, "speed")  # no binary value: every answer takes the fast path
        seed("speed", ({**key("T", "%03d" % i), "doc": {"S": "x" * 400}, "n": {"N": str(i)}} for i in range(200)))
        arn = ddb.client.describe_table(TableName="speed")["Table"]["LatestStreamArn"]
        shard = table("speed").stream_shard.id
        timings = {}
        for writer in (moto_server._serialized, moto_server.serialized) * 2:
            spent = []

            def timed(handler, result, writer=writer, spent=spent):
                start = time.perf_counter()
                try:
                    return writer(handler, result)
                finally:
                    spent.append(time.perf_counter() - start)

            DynamoHandler.serialized = DynamoDBStreamsHandler.serialized = timed
            records(300)
            page = spent[-1]
            ddb.call("query", TableName="speed", KeyConditionExpression="pk = :p",
                     ExpressionAttributeValues={":p": {"S": "T"}})
            timings.setdefault(writer, []).append((page, spent[-1]))
        DynamoHandler.serialized = DynamoDBStreamsHandler.serialized = moto_server.serialized
    finally:
        server.stop()
    mine, moto = min(timings[moto_server.serialized]), min(timings[moto_server._serialized])
    print("5. GetRecords, Query, GetItem over HTTP: the same JSON and the same boto3 answers as moto's own writer "
          "(every attribute type, paging, a binary value); writing 200 stream records took %.1f ms (%.1f ms with "
          "moto's writer), a 200-item Query %.1f ms (%.1f ms)"
          % (mine[0] * 1000, moto[0] * 1000, mine[1] * 1000, moto[1] * 1000))


def check_compact_records(ddb):
    create_table(ddb, "compact")
    item = {**key("P", "1"), "doc": {"S": "x" * 300}, "n": {"N": "12.50"}, "ok": {"BOOL": True},
            "z": {"NULL": True}, "ss": {"SS": ["a", "b"]}, "m": {"M": {"k": {"S": "é"}, "l": {"L": [{"N": "1"}]}}}}
    ddb.put_item(TableName="compact", Item=item)
    ddb.put_item(TableName="compact", Item={**key("P", "2"), "bin": {"B": b"\x00\x01"}})
    t = table("compact")

    def stored(sort_key):
        return t.get_item(DynamoType({"S": "P"}), DynamoType({"S": sort_key}))

    def stock(*args):
        record = object.__new__(StreamRecord)
        moto_server._stream_record_init(record, *args)
        return record

    for sort_key in ("1", "2"):
        args = (t, "NEW_AND_OLD_IMAGES", "MODIFY", stored(sort_key), stored(sort_key), 7)
        ours, theirs = StreamRecord(*args).to_json(), stock(*args).to_json()
        for record in (ours, theirs):
            record.pop("eventID")  # random
            record["dynamodb"].pop("SizeBytes")  # moto's estimate counts the creation time's text, which varies
            if not hasattr(record["dynamodb"].pop("ApproximateCreationDateTime"), "microsecond"):
                fail("a stream record's creation time is no longer a datetime")
        if ours != theirs:
            fail("a stream record kept as JSON text reads back differently:\n%s\n%s" % (ours, theirs))
    sizes = []
    for build in (StreamRecord, stock):
        tracemalloc.start()
        kept = [build(t, "NEW_AND_OLD_IMAGES", "MODIFY", stored("1"), stored("1"), n) for n in range(500)]
        sizes.append(tracemalloc.get_traced_memory()[0] / len(kept))
        tracemalloc.stop()
        del kept
    print("6. stream records as JSON text: read back as moto builds them (binary values kept as moto keeps them); "
          "%.1f kB per record instead of %.1f kB" % (sizes[0] / 1024, sizes[1] / 1024))


@mock_aws
def check():
    ddb = client()
    check_transactions(ddb)
    check_one_at_a_time(ddb)
    check_query(ddb)
    check_iterators(ddb)
    check_compact_records(ddb)


if __name__ == "__main__":
    check()
    check_fast_answers()  # against a real server: outside the mock

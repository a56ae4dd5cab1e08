"""The project's emulator: moto's server, as pinned in requirements-emulator.txt, with six changes
that keep the cost of a request flat as the local data grows. `make run`, `make test`
(scripts/with-moto.sh), the browser tests and the benches all start it through `moto-server`,
the launcher beside this file; check_moto_server.py (run by `make test`) proves each change.

1. A transaction backs up only the items it names. moto deep-copies every table a
   TransactWriteItems names, items and stream records included, so that it can put the copy back
   if the transaction is cancelled: about 0.4 ms per item in the table, and the copy replaces the
   live table, which strands the stream shard that iterators already point at. Here the journal
   keeps the items the transaction names and the length of each table's stream, and restores
   exactly those on failure. Same outcome, at a cost proportional to the transaction.
2. One DynamoDB or DynamoDB Streams request at a time. moto's server runs each request on its own
   thread with no lock around the tables, so a condition could be checked by two writers at once,
   and a cancelled transaction's rollback could drop another request's stream records. DynamoDB
   serialises writes to an item; one lock gives that here. moto's work is Python under one
   interpreter lock anyway, so little throughput is lost.
3. A Query on the table reads only its partition. moto lists and sorts every item of the table for
   each Query, then keeps those of the partition; here it lists the partition's items only. The
   result is the same (same items, same order, same paging); queries on secondary indexes are left
   as they are (the template declares none).
4. Shard iterators expire 15 minutes after they are handed out, as DynamoDB Streams' do. moto keeps
   every iterator it ever issued (about 2 kB each, with its random id), and the local run's two
   stream pollers take two per poll, five polls a second each when idle: over 1.7 million a day.
5. GetRecords, Query and GetItem answers are written by json.dumps. moto writes every answer by
   walking the API's shape model value by value: about 130 ms for a page of stream records, two
   pages per write (one per stream consumer), and as much for a skill's index read by matching:
   most of the emulator's time under load. These answers are already in their JSON form, save the
   records' creation time, which is written as moto writes it (epoch seconds, to the
   millisecond), and absent members, which are left out as moto leaves them out; the headers are
   moto's own. Answers holding binary values (which the project does not write) still go through
   moto's writer.
6. Stream records are kept as JSON text. moto keeps each record as a tree of dicts (an attribute
   is a dict in a dict, twice with old and new images), kept for the life of the process: under
   the 10,000-profile fan-out the emulator grew by over 100 kB per proposal (five records each).
   The text is the same record (read back as it was written, creation time included); records
   with binary values stay as moto keeps them.
"""
import calendar
import collections
import copy
import datetime
import functools
import json
import sys
import threading
import time

import moto.dynamodb.models as dynamodb_models
from moto.core.responses import ActionResult, BaseResponse
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import StreamRecord, Table
from moto.dynamodb.responses import DynamoHandler
from moto.dynamodbstreams.models import DynamoDBStreamsBackend
from moto.dynamodbstreams.responses import DynamoDBStreamsHandler
from moto.server import main

ITERATOR_LIFETIME_SECONDS = 15 * 60
clock = time.monotonic  # the check replaces it to age iterators

_deepcopy = copy.deepcopy
_state = threading.local()
_one_at_a_time = threading.RLock()


# 1. Transactions back up the items they name -------------------------------------------------

class _CopyForTransactions:
    """Stands for the copy module inside moto.dynamodb.models: while a transaction runs under the
    journal, a table is not copied; everything else is copied as before."""

    def __getattr__(self, name):
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value, memo=None):
        if isinstance(value, Table) and getattr(_state, "journaling", False):
            return value
        return _deepcopy(value, memo)


def _journal(backend, transact_items):
    items, streams = [], {}
    for entry in transact_items:
        op = next(iter(entry.values()))
        table = backend.tables.get(op.get("TableName"))
        if table is None:
            continue
        key = op.get("Key") or op.get("Item") or {}
        hash_key = DynamoType(key[table.hash_key_attr])
        range_key = DynamoType(key[table.range_key_attr]) if table.range_key_attr else None
        items.append((table, hash_key, range_key, _deepcopy(table.get_item(hash_key, range_key))))
        if table.stream_shard is not None:
            streams.setdefault(id(table), (table, len(table.stream_shard.items)))
    return items, list(streams.values())


def _restore(items, streams):
    for table, hash_key, range_key, before in reversed(items):
        if range_key is None:
            if before is None:
                table.items.pop(hash_key, None)
            else:
                table.items[hash_key] = before
        elif before is None:
            table.items.get(hash_key, {}).pop(range_key, None)
        else:
            table.items[hash_key][range_key] = before
    for table, length in streams:
        del table.stream_shard.items[length:]


_transact_write_items = dynamodb_models.DynamoDBBackend.transact_write_items


def transact_write_items(self, transact_items):
    try:
        items, streams = _journal(self, transact_items)
    except Exception:  # a malformed request: let moto judge it the usual way
        return _transact_write_items(self, transact_items)
    _state.journaling = True
    try:
        return _transact_write_items(self, transact_items)
    except BaseException:
        _restore(items, streams)
        raise
    finally:
        _state.journaling = False


# 2. One request at a time ------------------------------------------------------------------

def _one_by_one(call_action):
    @functools.wraps(call_action)
    def locked(self):
        with _one_at_a_time:
            return call_action(self)
    return locked


# 3. A table Query reads its partition ----------------------------------------------------

_query = Table.query
_all_items = Table.all_items


def query(self, hash_key, range_comparison, range_objs, limit, exclusive_start_key, scan_index_forward,
          projection_expressions, index_name=None, *args, **kwargs):
    if index_name is not None or hash_key is None:
        return _query(self, hash_key, range_comparison, range_objs, limit, exclusive_start_key,
                      scan_index_forward, projection_expressions, index_name, *args, **kwargs)
    _state.partition = (self, hash_key)
    try:
        return _query(self, hash_key, range_comparison, range_objs, limit, exclusive_start_key,
                      scan_index_forward, projection_expressions, index_name, *args, **kwargs)
    finally:
        _state.partition = None


def all_items(self):
    partition = getattr(_state, "partition", None)
    if partition is None or partition[0] is not self:
        return _all_items(self)
    found = self.items.get(partition[1])
    if found is None:
        return []
    if not self.range_key_attr:
        return [found]
    return sorted(found.values(), key=lambda item: item.range_key)


# 4. Shard iterators expire ----------------------------------------------------------------

class _ExpiringIterators(dict):
    """The streams backend's iterators by ARN, each forgotten 15 minutes after it was handed out."""

    def __init__(self):
        super().__init__()
        self._issued = collections.deque()

    def __setitem__(self, arn, iterator):
        now = clock()
        while self._issued and now - self._issued[0][0] > ITERATOR_LIFETIME_SECONDS:
            self.pop(self._issued.popleft()[1], None)
        super().__setitem__(arn, iterator)
        self._issued.append((now, arn))


_streams_init = DynamoDBStreamsBackend.__init__


def _streams_backend_init(self, *args, **kwargs):
    _streams_init(self, *args, **kwargs)
    self.shard_iterators = _ExpiringIterators()


# 5. Hot answers written by json.dumps --------------------------------------------------

FAST_ACTIONS = ("GetRecords", "Query", "GetItem")


class _Binary(Exception):
    """An answer holds a binary value: moto's writer knows how it encodes those."""


def _epoch_seconds(value):
    """A datetime as moto's JSON writer gives it: epoch seconds, a float to the millisecond when needed."""
    seconds = calendar.timegm(value.timetuple())
    return seconds + (value.microsecond // 1000) / 1000.0 if value.microsecond else seconds


def _plain(value):
    if isinstance(value, dict):
        if "B" in value or "BS" in value:
            raise _Binary()
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        raise _Binary()
    if isinstance(value, datetime.datetime):
        return _epoch_seconds(value)
    return value


_serialized = BaseResponse.serialized


def serialized(self, action_result):
    result = action_result.result
    if self._get_action() in FAST_ACTIONS and isinstance(result, dict):
        try:
            body = json.dumps(_plain(result), separators=(",", ":"))
        except _Binary:
            return _serialized(self, action_result)
        status, headers, _ = _serialized(self, ActionResult({}))
        return status, headers, body
    return _serialized(self, action_result)


# 6. Stream records kept as JSON text ------------------------------------------------------

_stream_record_init = StreamRecord.__init__
_stream_record_to_json = StreamRecord.to_json


def _compact_record_init(self, *args, **kwargs):
    _stream_record_init(self, *args, **kwargs)
    data = self.record["dynamodb"]
    try:
        self.text = json.dumps({**self.record, "dynamodb": {**data, "ApproximateCreationDateTime": None}},
                               separators=(",", ":"))
    except TypeError:  # a binary value: kept as moto keeps it
        return
    self.created = data["ApproximateCreationDateTime"]
    del self.record


def _compact_record_to_json(self):
    if "record" in self.__dict__:
        return self.record
    record = json.loads(self.text)
    record["dynamodb"]["ApproximateCreationDateTime"] = self.created
    return record


def _apply():
    """Makes the six changes to the moto imported in this process (once, when this module loads)."""
    dynamodb_models.copy = _CopyForTransactions()
    dynamodb_models.DynamoDBBackend.transact_write_items = transact_write_items
    DynamoHandler.call_action = _one_by_one(DynamoHandler.call_action)
    DynamoDBStreamsHandler.call_action = _one_by_one(BaseResponse.call_action)
    DynamoDBStreamsHandler.serialized = serialized
    DynamoHandler.serialized = serialized
    StreamRecord.__init__ = _compact_record_init
    StreamRecord.to_json = _compact_record_to_json
    Table.query = query
    Table.all_items = all_items
    DynamoDBStreamsBackend.__init__ = _streams_backend_init


_apply()

if __name__ == "__main__":
    sys.exit(main())

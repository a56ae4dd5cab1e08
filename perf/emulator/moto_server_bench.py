"""moto's server as make bench-api runs it: the pinned moto, with one change to how a DynamoDB
transaction prepares its rollback.

moto backs up every table a TransactWriteItems names by deep-copying it, items and stream records
included, before applying the transaction, so that a cancelled transaction leaves no trace. That
copy costs about 0.4 ms per item (docs/scaling.md): with a few thousand items one transaction
takes seconds and the memory churn reaches gigabytes, which is the emulator's cost, not the
platform's. Here the transaction backs up only the items it names and the length of each table's
stream, and restores exactly those when it fails: the same outcome, at a cost proportional to the
transaction. Nothing else in moto changes. Started by bench-api only (see docs/performance.md);
`make run` and the tests use moto as pinned.
"""
import copy
import sys
import threading

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table
from moto.server import main

_deepcopy = copy.deepcopy
_state = threading.local()


class _CopyForTransactions:
    """Stands for the copy module inside moto.dynamodb.models: a table is not copied while a
    transaction runs under the journal below; everything else is copied as before."""

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


dynamodb_models.copy = _CopyForTransactions()
dynamodb_models.DynamoDBBackend.transact_write_items = transact_write_items

if __name__ == "__main__":
    sys.exit(main())

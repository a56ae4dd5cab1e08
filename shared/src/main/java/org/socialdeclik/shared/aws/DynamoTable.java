package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.CREATED_AT;
import static org.socialdeclik.shared.aws.TableLayout.PK;
import static org.socialdeclik.shared.aws.TableLayout.key;
import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The table as the adapters use it: a consistent get, a query that follows the pages, the writes
 * of a transaction, and transactions that tell which condition failed. Every outbox item a
 * transaction writes gets its work-ledger item in the same transaction.
 */
final class DynamoTable {
    private final DynamoDbClient dynamo;
    private final String name;

    DynamoTable(DynamoDbClient dynamo, String name) {
        this.dynamo = dynamo;
        this.name = name;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    String name() {
        return name;
    }

    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var response = dynamo.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Every item of a partition. */
    List<Map<String, AttributeValue>> queryPartition(String pk) {
        return query(QueryRequest.builder().tableName(name).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))));
    }

    /** Every item the request finds, page after page. */
    List<Map<String, AttributeValue>> query(QueryRequest.Builder request) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            out.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /**
     * The items of day partitions ({@code dayKey} of a day, sort keys stamped in time) stamped up to
     * {@code now}, from {@code daysBack} days before it, oldest day first: what a calendar has due.
     */
    List<Map<String, AttributeValue>> dueByDay(Function<Instant, String> dayKey, Instant now, int daysBack) {
        List<Map<String, AttributeValue>> due = new ArrayList<>();
        for (int back = daysBack; back >= 0; back--) {
            due.addAll(query(QueryRequest.builder().tableName(name)
                    .keyConditionExpression("pk = :pk AND sk <= :now")
                    .expressionAttributeValues(Map.of(":pk", s(dayKey.apply(now.minus(Duration.ofDays(back)))),
                            ":now", s(TableLayout.stampedUntil(now))))));
        }
        return due;
    }

    // ---- the writes of a transaction ---------------------------------------------------------

    /** A put that fails its condition when the item exists (the old item comes with the failure). */
    TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(name).item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(name).item(item).build()).build();
    }

    TransactWriteItem delete(String pk, String sk) {
        return TransactWriteItem.builder().delete(d -> d.tableName(name).key(key(pk, sk))).build();
    }

    /** An update of one item; {@code update} gets the table name and the key. */
    TransactWriteItem update(String pk, String sk, Update.Builder update) {
        return TransactWriteItem.builder().update(update.tableName(name).key(key(pk, sk)).build()).build();
    }

    /** A check that the item exists, written nothing. */
    TransactWriteItem exists(String pk, String sk) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(name).key(key(pk, sk))
                .conditionExpression("attribute_exists(pk)")).build();
    }

    // ---- transactions -----------------------------------------------------------------------

    /**
     * Runs a transaction; every outbox item it writes gets its work-ledger item in the same
     * transaction, after the caller's items (so cancellation reasons keep the caller's indexes).
     */
    void transact(List<TransactWriteItem> items) {
        List<TransactWriteItem> all = new ArrayList<>(items);
        for (TransactWriteItem write : items) {
            if (write.put() != null && TableLayout.isOutbox(write.put().item())) {
                Map<String, AttributeValue> item = write.put().item();
                all.add(put(TableLayout.ledgerItem(WorkLedger.Kind.OUTBOX, TableLayout.outboxId(text(item, PK)),
                        Instant.parse(text(item, CREATED_AT)))));
            }
        }
        dynamo.transactWriteItems(b -> b.transactItems(all));
    }

    /** Runs the transaction; when the first item's condition fails, throws what {@code onFirst} gives. */
    void transactGuarded(List<TransactWriteItem> items, Supplier<RuntimeException> onFirst) {
        try {
            transact(items);
        } catch (TransactionCanceledException e) {
            if (firstFailed(e)) {
                throw onFirst.get();
            }
            throw e;
        }
    }

    /**
     * Writes one email to the outbox (with its work-ledger item) unless an email of the same
     * purpose is already there: one email per purpose, whoever asks twice.
     */
    void enqueueOnce(OutboxEntry email, Instant now) {
        try {
            transact(List.of(putNew(TableLayout.outboxItem(email, now))));
        } catch (TransactionCanceledException e) {
            if (!firstFailed(e)) {
                throw e;
            }
        }
    }

    /** Runs the transaction; false (nothing written) when any item's condition failed: it was done before. */
    boolean transactIfNew(List<TransactWriteItem> items) {
        try {
            transact(items);
            return true;
        } catch (TransactionCanceledException e) {
            if (anyFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    static boolean conditionFailed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    static boolean firstFailed(TransactionCanceledException e) {
        return !e.cancellationReasons().isEmpty() && conditionFailed(e.cancellationReasons().get(0));
    }

    static boolean anyFailed(TransactionCanceledException e) {
        return e.cancellationReasons().stream().anyMatch(DynamoTable::conditionFailed);
    }
}

package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.DynamoStore.key;
import static org.socialdeclik.shared.aws.DynamoStore.n;
import static org.socialdeclik.shared.aws.DynamoStore.s;
import static org.socialdeclik.shared.aws.DynamoStore.stamp;
import static org.socialdeclik.shared.aws.DynamoStore.text;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The work ledger in the table: one item per piece of open work, {@code TODO#<day> / <ms>#<KIND>#<id>}
 * (the day and time it was recorded), entity {@code TODO}, so the sweep reads a day's open work
 * oldest first with one query and no scan. The items expire (TTL) a day after the outbox items
 * they may point at; no stream filter of the template selects them.
 */
public final class LedgerTable implements WorkLedger {
    /** A day more than the outbox's 30 days: past that, what an item points at is gone anyway. */
    public static final Duration RETENTION = Duration.ofDays(31);

    private final DynamoDbClient dynamo;
    private final String table;

    public LedgerTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static String partition(Instant at) {
        return "TODO#" + at.toString().substring(0, 10);
    }

    private static String sortKey(Kind kind, String id, Instant at) {
        return stamp(at) + "#" + kind.name() + "#" + id;
    }

    /** The ledger item to write in the transaction of the change that calls for the work. */
    static TransactWriteItem put(String table, Kind kind, String id, Instant at) {
        Map<String, AttributeValue> item = DynamoStore.item(partition(at), sortKey(kind, id, at), "TODO");
        item.put("kind", s(kind.name()));
        item.put("ref", s(id));
        item.put("at", s(at.toString()));
        item.put("ttl", n(at.plus(RETENTION).getEpochSecond()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    @Override
    public List<Work> openWork(Instant until, Duration lookback, int limit) {
        List<Work> open = new ArrayList<>();
        Instant day = until.minus(lookback).truncatedTo(ChronoUnit.DAYS);
        for (; !day.isAfter(until) && open.size() < limit; day = day.plus(Duration.ofDays(1))) {
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk <= :until")
                        .expressionAttributeValues(Map.of(":pk", s(partition(day)), ":until", s(stamp(until) + "#~")))
                        .limit(limit - open.size());
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                QueryResponse response = dynamo.query(request.build());
                for (Map<String, AttributeValue> item : response.items()) {
                    open.add(new Work(Kind.valueOf(text(item, "kind")), text(item, "ref"), Instant.parse(text(item, "at"))));
                }
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && open.size() < limit
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return open;
    }

    @Override
    public void done(Work work) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(partition(work.at()), sortKey(work.kind(), work.id(), work.at()))));
    }
}

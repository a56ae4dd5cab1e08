package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.key;
import static org.socialdeclik.shared.aws.TableLayout.s;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The work ledger in the table: one item per piece of open work, {@code TODO#<day> / <ms>#<KIND>#<id>}
 * (the day and time it was recorded), entity {@code TODO}, so the sweep reads a day's open work
 * oldest first with one query and no scan. The items expire (TTL) a day after the outbox items
 * they may point at; no stream filter of the template selects them.
 */
public final class LedgerTable implements WorkLedger {
    /** A day more than the outbox's 30 days: past that, what an item points at is gone anyway. */
    public static final Duration RETENTION = TableLayout.LEDGER_RETENTION;

    private final DynamoDbClient dynamo;
    private final String table;

    public LedgerTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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
                        .expressionAttributeValues(Map.of(":pk", s(TableLayout.ledgerKey(day)), ":until", s(TableLayout.stampedUntil(until))))
                        .limit(limit - open.size());
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                QueryResponse response = dynamo.query(request.build());
                for (Map<String, AttributeValue> item : response.items()) {
                    open.add(TableLayout.work(item));
                }
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && open.size() < limit
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return open;
    }

    @Override
    public void done(Work work) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(TableLayout.ledgerKey(work.at()), TableLayout.ledgerSortKey(work.kind(), work.id(), work.at()))));
    }
}

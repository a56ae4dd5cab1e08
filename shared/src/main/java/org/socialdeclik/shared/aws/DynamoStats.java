package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.ports.PlatformStats;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The counters in the table:
 * <ul>
 *   <li>{@code STATS / <counter>}: {@code count}, one item per counter (a few hundred at most:
 *       regions and skills), read with one query</li>
 *   <li>{@code STATSEEN#<stream record id> / A}: the record was counted (TTL two days, beyond the
 *       stream's 24 hours)</li>
 *   <li>{@code MISSION#id / STATS#FIRST_INTEREST}: the mission's first interest was counted</li>
 * </ul>
 */
public final class DynamoStats implements PlatformStats {
    static final String PK = "STATS";
    private static final Duration SEEN_RETENTION = Duration.ofDays(2);
    private final DynamoTable table;

    public DynamoStats(DynamoDbClient dynamo, String table) {
        this.table = new DynamoTable(dynamo, table);
    }

    @Override
    public boolean add(String recordId, Map<String, Long> amounts, String firstInterestOf, Map<String, Long> ifFirstInterest) {
        if (firstInterestOf != null) {
            List<TransactWriteItem> items = writes(recordId, amounts);
            Map<String, AttributeValue> first = new LinkedHashMap<>(TableLayout.key(TableLayout.missionKey(firstInterestOf),
                    "STATS#FIRST_INTEREST"));
            first.put(TableLayout.ENTITY, s("STATS_MARK"));
            items.add(table.putNew(first));
            ifFirstInterest.forEach((name, amount) -> items.add(counter(name, amount)));
            try {
                table.transact(items);
                return true;
            } catch (TransactionCanceledException e) {
                if (DynamoTable.firstFailed(e)) {
                    return false; // counted before
                }
                if (!DynamoTable.anyFailed(e)) {
                    throw e;
                }
                // not the mission's first interest: count the rest
            }
        }
        try {
            table.transact(writes(recordId, amounts));
            return true;
        } catch (TransactionCanceledException e) {
            if (DynamoTable.firstFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    private List<TransactWriteItem> writes(String recordId, Map<String, Long> amounts) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> seen = new LinkedHashMap<>(TableLayout.key("STATSEEN#" + recordId, TableLayout.MAIN));
        seen.put(TableLayout.ENTITY, s("STATS_MARK"));
        seen.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(Instant.now().plus(SEEN_RETENTION).getEpochSecond())));
        items.add(table.putNew(seen));
        amounts.forEach((name, amount) -> items.add(counter(name, amount)));
        return items;
    }

    private TransactWriteItem counter(String name, long amount) {
        return table.update(PK, name, Update.builder()
                .updateExpression("SET entity = :e ADD #count :n")
                .expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":e", s("STATS"), ":n", AttributeValue.fromN(Long.toString(amount)))));
    }

    @Override
    public Optional<Instant> publishedAt(String missionId) {
        return table.get(TableLayout.missionKey(missionId), TableLayout.MAIN).map(item -> {
            String reviewed = text(item, "reviewedAt");
            return Instant.parse(reviewed != null ? reviewed : text(item, TableLayout.CREATED_AT));
        });
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : table.queryPartition(PK)) {
            out.put(text(item, TableLayout.SK), Long.parseLong(item.get("count").n()));
        }
        return out;
    }
}

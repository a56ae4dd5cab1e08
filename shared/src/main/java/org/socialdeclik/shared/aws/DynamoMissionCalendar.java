package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.ports.MissionCalendar;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The mission calendar in the table: one item per planned step, {@code WHEN#<day> /
 * <stamp>#<step>#<missionId>} (entity {@code WHEN}), read one day partition at a time up to now,
 * as the deferred pairs are. No stream consumer selects these items.
 */
public final class DynamoMissionCalendar implements MissionCalendar {
    private final DynamoTable table;

    DynamoMissionCalendar(DynamoTable table) {
        this.table = table;
    }

    /** The item of a planned step (also written in the transaction that publishes a mission). */
    static Map<String, AttributeValue> item(Step step, String missionId, Instant at) {
        Map<String, AttributeValue> item = TableLayout.item(partition(at), sortKey(step, missionId, at), TableLayout.Entity.WHEN);
        item.put(TableLayout.MISSION_ID, s(missionId));
        item.put("step", s(step.name()));
        item.put("at", s(at.toString()));
        return item;
    }

    private static String partition(Instant at) {
        return "WHEN#" + at.toString().substring(0, 10);
    }

    private static String sortKey(Step step, String missionId, Instant at) {
        return TableLayout.stamp(at) + "#" + step.name() + "#" + missionId;
    }

    @Override
    public void plan(Step step, String missionId, Instant at) {
        table.dynamo().putItem(b -> b.tableName(table.name()).item(item(step, missionId, at)));
    }

    @Override
    public List<Due> due(Instant now, int daysBack) {
        List<Due> due = new ArrayList<>();
        for (int back = daysBack; back >= 0; back--) {
            for (Map<String, AttributeValue> item : table.query(QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("pk = :pk AND sk <= :now")
                    .expressionAttributeValues(Map.of(":pk", s(partition(now.minus(Duration.ofDays(back)))),
                            ":now", s(TableLayout.stampedUntil(now)))))) {
                due.add(new Due(Step.valueOf(TableLayout.text(item, "step")), TableLayout.text(item, TableLayout.MISSION_ID),
                        Instant.parse(TableLayout.text(item, "at"))));
            }
        }
        return due;
    }

    @Override
    public void done(Due due) {
        table.dynamo().deleteItem(b -> b.tableName(table.name())
                .key(TableLayout.key(partition(due.at()), sortKey(due.step(), due.missionId(), due.at()))));
    }
}

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
 * The mission calendar in the table: one item per planned step ({@link MissionItems#calendarItem}),
 * read one day partition at a time up to now, as the deferred pairs are.
 */
public final class DynamoMissionCalendar implements MissionCalendar {
    private final DynamoTable table;

    DynamoMissionCalendar(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void plan(Step step, String missionId, Instant at) {
        table.dynamo().putItem(b -> b.tableName(table.name()).item(MissionItems.calendarItem(step, missionId, at)));
    }

    @Override
    public List<Due> due(Instant now, int daysBack) {
        List<Due> due = new ArrayList<>();
        for (int back = daysBack; back >= 0; back--) {
            for (Map<String, AttributeValue> item : table.query(QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("pk = :pk AND sk <= :now")
                    .expressionAttributeValues(Map.of(":pk", s(MissionItems.calendarKey(now.minus(Duration.ofDays(back)))),
                            ":now", s(TableLayout.stampedUntil(now)))))) {
                due.add(MissionItems.calendarStep(item));
            }
        }
        return due;
    }

    @Override
    public void done(Due due) {
        table.dynamo().deleteItem(b -> b.tableName(table.name())
                .key(TableLayout.key(MissionItems.calendarKey(due.at()), MissionItems.calendarSortKey(due.step(), due.missionId(), due.at()))));
    }
}

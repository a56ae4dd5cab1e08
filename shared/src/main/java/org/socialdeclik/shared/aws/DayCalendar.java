package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A calendar in the table: one item per planned step, {@code <PREFIX>#day / ms#STEP#subject}
 * (entity {@code WHEN}, which no stream consumer selects), read one day partition at a time up to
 * now, so a run reads what is due and nothing else. The mission calendar and the availability
 * calendar are two of them.
 */
final class DayCalendar {
    static final String STEP = "step";
    static final String AT = "at";

    /** A planned step: its name, its subject (a mission's or a profile's id), when it is due. */
    record Planned(String step, String subject, Instant at) {}

    private final String prefix;
    private final String subjectAttribute;
    private final Duration retention;

    /** @param retention how long after its time a step is kept if never done (the table's TTL); null: kept */
    DayCalendar(String prefix, String subjectAttribute, Duration retention) {
        this.prefix = prefix;
        this.subjectAttribute = subjectAttribute;
        this.retention = retention;
    }

    Map<String, AttributeValue> item(String step, String subject, Instant at) {
        Map<String, AttributeValue> item = TableLayout.item(dayKey(at), sortKey(step, subject, at), TableLayout.Entity.WHEN);
        item.put(subjectAttribute, s(subject));
        item.put(STEP, s(step));
        item.put(AT, s(at.toString()));
        if (retention != null) {
            item.put(TableLayout.TTL, TableLayout.n(at.plus(retention).getEpochSecond()));
        }
        return item;
    }

    String dayKey(Instant at) {
        return prefix + "#" + at.toString().substring(0, 10);
    }

    private static String sortKey(String step, String subject, Instant at) {
        return TableLayout.stamp(at) + "#" + step + "#" + subject;
    }

    void plan(DynamoTable table, String step, String subject, Instant at) {
        table.dynamo().putItem(b -> b.tableName(table.name()).item(item(step, subject, at)));
    }

    List<Planned> due(DynamoTable table, Instant now, int daysBack) {
        return table.dueByDay(this::dayKey, now, daysBack).stream()
                .map(item -> new Planned(text(item, STEP), text(item, subjectAttribute), Instant.parse(text(item, AT)))).toList();
    }

    void done(DynamoTable table, String step, String subject, Instant at) {
        table.dynamo().deleteItem(b -> b.tableName(table.name()).key(TableLayout.key(dayKey(at), sortKey(step, subject, at))));
    }
}

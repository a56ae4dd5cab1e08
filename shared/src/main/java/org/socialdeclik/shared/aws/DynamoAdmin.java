package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.ports.AdminDesk;
import org.socialdeclik.shared.ports.OutboxEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The admins' desk in the table: the missions of one status through the sparse index
 * {@code MissionsByStatus} (partition {@code missionStatus}, which only mission items carry,
 * sort {@code createdAt}), so listing a queue reads that queue's missions and nothing else.
 */
public final class DynamoAdmin implements AdminDesk {
    private final DynamoTable table;

    public DynamoAdmin(DynamoDbClient dynamo, String table) {
        this.table = new DynamoTable(dynamo, table);
    }

    @Override
    public void enqueue(OutboxEntry email, Instant now) {
        table.enqueueOnce(email, now);
    }

    @Override
    public List<Listed> missions(MissionStatus status) {
        List<Map<String, AttributeValue>> items = table.query(QueryRequest.builder().tableName(table.name())
                .indexName(TableLayout.MISSIONS_BY_STATUS)
                .keyConditionExpression("#ms = :status")
                .expressionAttributeNames(Map.of("#ms", TableLayout.MISSION_STATUS))
                .expressionAttributeValues(Map.of(":status", s(status.name()))));
        return items.stream()
                .map(item -> new Listed(MissionItems.storedMission(item), publishedAt(item)))
                // the index is eventually consistent: an item whose status moved on since is left out
                .filter(listed -> listed.stored().status() == status)
                // ISO instants of different precision do not sort as text: sort by time
                .sorted(Comparator.comparing((Listed listed) -> listed.stored().createdAt())
                        .thenComparing(listed -> listed.stored().mission().id()))
                .toList();
    }

    /** Published at its review, or at its submission when moderation was off. */
    private static Instant publishedAt(Map<String, AttributeValue> item) {
        String status = text(item, TableLayout.STATUS);
        String reviewedAt = text(item, "reviewedAt");
        if (MissionStatus.PENDING_REVIEW.name().equals(status) || MissionStatus.REJECTED.name().equals(status)) {
            return null;
        }
        return Instant.parse(reviewedAt != null ? reviewedAt : text(item, TableLayout.CREATED_AT));
    }
}

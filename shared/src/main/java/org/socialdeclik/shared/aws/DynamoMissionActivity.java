package org.socialdeclik.shared.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.ports.MissionActivity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Counts a mission's proposals and interests from the items of its own partition
 * ({@code MISSION#id / MATCH#profileId} in state PROPOSED, {@code MISSION#id / INTEREST#profileId}):
 * one query, only keys and state read, its size bounded by the per-mission limit of matching.
 */
public final class DynamoMissionActivity implements MissionActivity {
    /** BatchGetItem takes at most 100 keys. */
    private static final int BATCH = 100;
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoTable items;

    public DynamoMissionActivity(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = new DynamoTable(dynamo, table);
    }

    @Override
    public Counts counts(String missionId) {
        int proposed = 0;
        int interested = 0;
        for (Map<String, AttributeValue> item : items.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableLayout.missionKey(missionId))))
                .projectionExpression("sk, #state")
                .expressionAttributeNames(Map.of("#state", TableLayout.STATE))
                .consistentRead(true))) {
            String sk = TableLayout.text(item, TableLayout.SK);
            if (TableLayout.isMatch(sk) && "PROPOSED".equals(TableLayout.text(item, TableLayout.STATE))) {
                proposed++;
            } else if (TableLayout.isInterest(sk)) {
                interested++;
            }
        }
        return new Counts(proposed, interested);
    }

    @Override
    public List<String> interestedProfiles(String missionId) {
        List<String> ids = new ArrayList<>();
        for (Map<String, AttributeValue> item : items.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :interest)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableLayout.missionKey(missionId)),
                        ":interest", AttributeValue.fromS(TableLayout.interestKey(""))))
                .projectionExpression("sk")
                .consistentRead(true))) {
            ids.add(TableLayout.text(item, TableLayout.SK).substring(TableLayout.interestKey("").length()));
        }
        return ids;
    }

    @Override
    public Map<String, String> titles(Collection<String> missionIds) {
        Map<String, String> titles = new HashMap<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(missionIds));
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
                keys.add(TableLayout.key(TableLayout.missionKey(id), TableLayout.MAIN));
            }
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).projectionExpression("pk, doc").build());
            while (!request.isEmpty()) {
                BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    Mission mission = StoredJson.mission(TableLayout.text(item, TableLayout.DOC));
                    titles.put(mission.id(), mission.title());
                }
                // keys DynamoDB did not get to this time are asked again
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return titles;
    }
}

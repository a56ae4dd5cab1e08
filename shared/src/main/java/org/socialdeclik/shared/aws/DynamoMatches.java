package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.REASONS;
import static org.socialdeclik.shared.aws.TableLayout.key;
import static org.socialdeclik.shared.aws.TableLayout.matchKey;
import static org.socialdeclik.shared.aws.TableLayout.missionKey;
import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.ports.OutboxEntry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Proposed pairs in the table: the match item in the mission's partition (the single record of
 * "this pair was proposed"), its mirror in the profile's, the deferred ones by due day, the
 * interests; each written with the email it calls for, once.
 */
public final class DynamoMatches implements MatchRepository {
    private final DynamoTable table;

    DynamoMatches(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean recordProposal(String missionId, String profileId, MatchReasons reasons, Instant now) {
        return table.transactIfNew(List.of(table.putNew(TableLayout.matchItem(missionId, profileId, reasons, now, "MISSION")),
                table.put(TableLayout.proposedItem(missionId, profileId, now)),
                table.putNew(TableLayout.outboxItem(OutboxEntry.proposal(missionId, profileId), now))));
    }

    @Override
    public List<String> recordDigest(String profileId, Map<String, MatchReasons> byMission, Instant now) {
        Map<String, MatchReasons> remaining = new LinkedHashMap<>(byMission);
        while (!remaining.isEmpty()) {
            List<String> missionIds = new ArrayList<>(remaining.keySet());
            List<TransactWriteItem> items = new ArrayList<>();
            for (String missionId : missionIds) {
                items.add(table.putNew(TableLayout.matchItem(missionId, profileId, remaining.get(missionId), now, "PROFILE")));
            }
            for (String missionId : missionIds) {
                items.add(table.put(TableLayout.proposedItem(missionId, profileId, now)));
            }
            items.add(table.putNew(TableLayout.outboxItem(OutboxEntry.digest(profileId, missionIds), now)));
            try {
                table.transact(items);
                return missionIds;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                boolean removed = false;
                for (int i = 0; i < missionIds.size() && i < reasons.size(); i++) {
                    if (DynamoTable.conditionFailed(reasons.get(i))) {
                        remaining.remove(missionIds.get(i));
                        removed = true;
                    }
                }
                if (!removed) {
                    if (reasons.size() > 2 * missionIds.size() && DynamoTable.conditionFailed(reasons.get(2 * missionIds.size()))) {
                        return List.of(); // this very digest was already recorded
                    }
                    throw e;
                }
            }
        }
        return List.of();
    }

    @Override
    public Optional<MatchReasons> reasons(String missionId, String profileId) {
        return table.get(missionKey(missionId), matchKey(profileId))
                .filter(item -> item.containsKey(REASONS))
                .map(item -> StoredJson.matchReasons(text(item, REASONS)));
    }

    @Override
    public List<Instant> proposalsSince(String profileId, Instant since) {
        List<Instant> out = new ArrayList<>();
        var response = table.dynamo().query(b -> b.tableName(table.name())
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(TableLayout.profileKey(profileId)),
                        ":from", s(TableLayout.proposedFrom(since)), ":to", s(TableLayout.PROPOSED_LAST)))
                .scanIndexForward(false)
                .consistentRead(true));
        for (Map<String, AttributeValue> item : response.items()) {
            out.add(TableLayout.proposedAt(item));
        }
        return out;
    }

    @Override
    public boolean recordDeferred(String missionId, String profileId, MatchReasons reasons, Instant dueAt, Instant now) {
        Map<String, AttributeValue> match = TableLayout.matchItem(missionId, profileId, reasons, now, "MISSION");
        match.put(TableLayout.STATE, s("DEFERRED"));
        match.put(TableLayout.DUE_AT, s(dueAt.toString()));
        return table.transactIfNew(List.of(table.putNew(match), table.put(TableLayout.dueItem(missionId, profileId, dueAt))));
    }

    @Override
    public List<DuePair> duePairs(Instant now, int daysBack) {
        List<DuePair> due = new ArrayList<>();
        for (int back = daysBack; back >= 0; back--) {
            String partition = TableLayout.dueKey(now.minus(Duration.ofDays(back)));
            for (Map<String, AttributeValue> item : table.query(QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("pk = :pk AND sk <= :now")
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":now", s(TableLayout.stampedUntil(now)))))) {
                due.add(TableLayout.duePair(item));
            }
        }
        return due;
    }

    private TransactWriteItem deleteDue(DuePair due) {
        return table.delete(TableLayout.dueKey(due.dueAt()), TableLayout.dueSortKey(due.missionId(), due.profileId(), due.dueAt()));
    }

    @Override
    public boolean promoteDeferred(DuePair due, Instant now) {
        List<TransactWriteItem> items = List.of(
                table.update(missionKey(due.missionId()), matchKey(due.profileId()), Update.builder()
                        .conditionExpression("#state = :deferred")
                        .updateExpression("SET #state = :proposed, proposedAt = :now REMOVE dueAt")
                        .expressionAttributeNames(Map.of("#state", TableLayout.STATE))
                        .expressionAttributeValues(Map.of(":deferred", s("DEFERRED"), ":proposed", s("PROPOSED"), ":now", s(now.toString())))),
                table.put(TableLayout.proposedItem(due.missionId(), due.profileId(), now)),
                table.putNew(TableLayout.outboxItem(OutboxEntry.proposal(due.missionId(), due.profileId()), now)),
                deleteDue(due));
        try {
            table.transact(items);
            return true;
        } catch (TransactionCanceledException e) {
            if (DynamoTable.anyFailed(e)) {
                table.dynamo().deleteItem(b -> b.tableName(table.name()).key(key(TableLayout.dueKey(due.dueAt()),
                        TableLayout.dueSortKey(due.missionId(), due.profileId(), due.dueAt()))));
                return false;
            }
            throw e;
        }
    }

    @Override
    public void postpone(DuePair due, Instant newDueAt) {
        if (newDueAt.equals(due.dueAt())) {
            return;
        }
        table.transact(List.of(
                table.update(missionKey(due.missionId()), matchKey(due.profileId()), Update.builder()
                        .conditionExpression("attribute_exists(pk)")
                        .updateExpression("SET dueAt = :due")
                        .expressionAttributeValues(Map.of(":due", s(newDueAt.toString())))),
                deleteDue(due),
                table.put(TableLayout.dueItem(due.missionId(), due.profileId(), newDueAt))));
    }

    @Override
    public void dropDeferred(DuePair due) {
        table.transact(List.of(
                table.update(missionKey(due.missionId()), matchKey(due.profileId()), Update.builder()
                        .conditionExpression("attribute_exists(pk)")
                        .updateExpression("SET #state = :dropped REMOVE dueAt")
                        .expressionAttributeNames(Map.of("#state", TableLayout.STATE))
                        .expressionAttributeValues(Map.of(":dropped", s("DROPPED")))),
                deleteDue(due)));
    }

    @Override
    public boolean recordInterest(String missionId, String profileId, Instant now) {
        List<OutboxEntry> emails = OutboxEntry.interest(missionId, profileId);
        List<TransactWriteItem> items = List.of(
                table.exists(missionKey(missionId), matchKey(profileId)),
                table.putNew(TableLayout.interestItem(missionId, profileId, now)),
                table.put(TableLayout.interestedItem(missionId, profileId, now)),
                table.putNew(TableLayout.outboxItem(emails.get(0), now)),
                table.putNew(TableLayout.outboxItem(emails.get(1), now)));
        try {
            table.transact(items);
            return true;
        } catch (TransactionCanceledException e) {
            if (DynamoTable.firstFailed(e)) {
                throw new NotFoundException("match");
            }
            if (DynamoTable.anyFailed(e)) {
                return false;
            }
            throw e;
        }
    }
}

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.socialdeclik.shared.domain.ProposalFrequency;
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
        return digestOnce(profileId, new ArrayList<>(byMission.keySet()), missionIds -> {
            List<TransactWriteItem> items = new ArrayList<>();
            for (String missionId : missionIds) {
                items.add(table.putNew(TableLayout.matchItem(missionId, profileId, byMission.get(missionId), now, "PROFILE")));
            }
            for (String missionId : missionIds) {
                items.add(table.put(TableLayout.proposedItem(missionId, profileId, now)));
            }
            return items;
        }, now);
    }

    /**
     * Writes the items of one digest email and the email, atomically. {@code itemsFor} gives, for
     * the missions still in, one conditional item per mission first (in their order), then the
     * others; a mission whose condition fails (its pair already taken) is left out and the rest
     * tried again. Returns the missions the email lists, none when this very digest was written.
     */
    private List<String> digestOnce(String profileId, List<String> missionIds,
                                    Function<List<String>, List<TransactWriteItem>> itemsFor, Instant now) {
        List<String> remaining = new ArrayList<>(missionIds);
        while (!remaining.isEmpty()) {
            List<TransactWriteItem> items = new ArrayList<>(itemsFor.apply(remaining));
            items.add(table.putNew(TableLayout.outboxItem(OutboxEntry.digest(profileId, remaining), now)));
            try {
                table.transact(items);
                return remaining;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                List<String> taken = new ArrayList<>();
                for (int i = 0; i < remaining.size() && i < reasons.size(); i++) {
                    if (DynamoTable.conditionFailed(reasons.get(i))) {
                        taken.add(remaining.get(i));
                    }
                }
                if (taken.isEmpty()) {
                    if (reasons.size() >= items.size() && DynamoTable.conditionFailed(reasons.get(items.size() - 1))) {
                        return List.of(); // this very digest was already recorded
                    }
                    throw e;
                }
                remaining.removeAll(taken);
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
        return defer(new DuePair(missionId, profileId, dueAt), reasons, now);
    }

    @Override
    public boolean recordWaiting(String missionId, String profileId, MatchReasons reasons, Instant digestAt, Instant now) {
        return defer(new DuePair(missionId, profileId, digestAt, true), reasons, now);
    }

    private boolean defer(DuePair due, MatchReasons reasons, Instant now) {
        Map<String, AttributeValue> match = TableLayout.matchItem(due.missionId(), due.profileId(), reasons, now, "MISSION");
        match.put(TableLayout.STATE, s("DEFERRED"));
        match.put(TableLayout.DUE_AT, s(due.dueAt().toString()));
        return table.transactIfNew(List.of(table.putNew(match), table.put(TableLayout.dueItem(due))));
    }

    @Override
    public List<DuePair> duePairs(Instant now, int daysBack) {
        List<DuePair> due = new ArrayList<>();
        for (int back = daysBack; back >= 0; back--) {
            String partition = TableLayout.dueKey(now.minus(Duration.ofDays(back)));
            // a stamped key up to now: the pairs waiting for a digest (WEEKLY#...) sort after them all
            for (Map<String, AttributeValue> item : table.query(QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("pk = :pk AND sk <= :now")
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":now", s(TableLayout.stampedUntil(now)))))) {
                due.add(TableLayout.duePair(item));
            }
        }
        return due;
    }

    @Override
    public List<DuePair> waitingPairs(Instant now, int weeksBack) {
        List<DuePair> waiting = new ArrayList<>();
        // each Monday 08:00 (Paris) of the last weeks, up to now: its day's partition, its digest's keys
        for (Instant digest = ProposalFrequency.nextDigest(now.minus(Duration.ofDays(7L * (weeksBack + 1))));
             !digest.isAfter(now); digest = ProposalFrequency.nextDigest(digest)) {
            for (Map<String, AttributeValue> item : table.query(QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :weekly)")
                    .expressionAttributeValues(Map.of(":pk", s(TableLayout.dueKey(digest)), ":weekly", s(TableLayout.WEEKLY_DUE))))) {
                DuePair pair = TableLayout.duePair(item);
                if (!pair.dueAt().isAfter(now)) {
                    waiting.add(pair);
                }
            }
        }
        waiting.sort(Comparator.comparing(DuePair::profileId));
        return waiting;
    }

    private TransactWriteItem deleteDue(DuePair due) {
        return table.delete(TableLayout.dueKey(due.dueAt()), TableLayout.dueSortKey(due));
    }

    @Override
    public List<String> promoteToDigest(String profileId, List<DuePair> pairs, Instant now) {
        Map<String, DuePair> byMission = new LinkedHashMap<>();
        pairs.forEach(pair -> byMission.put(pair.missionId(), pair));
        return digestOnce(profileId, new ArrayList<>(byMission.keySet()), missionIds -> {
            List<TransactWriteItem> items = new ArrayList<>();
            for (String missionId : missionIds) {
                // still waiting for this very digest (not promoted, dropped or moved by another run)
                items.add(table.update(missionKey(missionId), matchKey(profileId), Update.builder()
                        .conditionExpression("#state = :deferred AND dueAt = :due")
                        .updateExpression("SET #state = :proposed, proposedAt = :now REMOVE dueAt")
                        .expressionAttributeNames(Map.of("#state", TableLayout.STATE))
                        .expressionAttributeValues(Map.of(":deferred", s("DEFERRED"), ":proposed", s("PROPOSED"),
                                ":now", s(now.toString()), ":due", s(byMission.get(missionId).dueAt().toString())))));
            }
            for (String missionId : missionIds) {
                items.add(table.put(TableLayout.proposedItem(missionId, profileId, now)));
                items.add(deleteDue(byMission.get(missionId)));
            }
            return items;
        }, now);
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
                clearDue(due);
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
                table.put(TableLayout.dueItem(due.at(newDueAt)))));
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
    public void forgetDeferred(DuePair due) {
        TransactWriteItem pair = TransactWriteItem.builder().delete(d -> d.tableName(table.name())
                .key(key(missionKey(due.missionId()), matchKey(due.profileId())))
                .conditionExpression("#state = :deferred")
                .expressionAttributeNames(Map.of("#state", TableLayout.STATE))
                .expressionAttributeValues(Map.of(":deferred", s("DEFERRED")))).build();
        if (!table.transactIfNew(List.of(pair, deleteDue(due)))) {
            clearDue(due); // proposed or dropped meanwhile: only its due item is left
        }
    }

    private void clearDue(DuePair due) {
        table.dynamo().deleteItem(b -> b.tableName(table.name()).key(key(TableLayout.dueKey(due.dueAt()),
                TableLayout.dueSortKey(due))));
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

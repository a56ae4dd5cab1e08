package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.CARD;
import static org.socialdeclik.shared.aws.TableLayout.MAIN;
import static org.socialdeclik.shared.aws.TableLayout.missionKey;
import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.domain.Conflict;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.ports.ConflictException;
import org.socialdeclik.shared.ports.MissionCalendar;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Missions in the table: the mission item, and while it is published its open-mission index
 * items (one per skill, with its card). Every change and the emails it calls for are written in
 * one transaction.
 */
public final class DynamoMissions implements MissionRepository {
    private final DynamoTable table;

    DynamoMissions(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void submit(Mission mission, MissionStatus status, Instant now, List<OutboxEntry> emails) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.putNew(MissionItems.missionItem(mission, status, now)));
        if (status == MissionStatus.PUBLISHED) {
            openIndex(items, mission, now);
        }
        for (OutboxEntry email : emails) {
            items.add(table.putNew(TableLayout.outboxItem(email, now)));
        }
        table.transact(items);
    }

    /**
     * A published mission's index items, its matching on the work ledger until it has run, and its
     * last notice on the mission calendar (at the deadline, or the start date).
     */
    private void openIndex(List<TransactWriteItem> items, Mission mission, Instant now) {
        MissionItems.openMissionItems(MissionCard.of(mission)).forEach(item -> items.add(table.put(item)));
        items.add(table.put(TableLayout.ledgerItem(WorkLedger.Kind.MISSION, mission.id(), now)));
        items.add(table.put(MissionItems.calendarItem(MissionCalendar.Step.LAST_NOTICE, mission.id(),
                MissionCalendar.lastNoticeAt(mission))));
    }

    @Override
    public Optional<StoredMission> findMission(String id) {
        return table.get(missionKey(id), MAIN).map(MissionItems::storedMission);
    }

    @Override
    public StoredMission review(String id, boolean approve, String reason, Instant now) {
        StoredMission current = findMission(id).orElseThrow(() -> new NotFoundException("mission"));
        if (current.status() != MissionStatus.PENDING_REVIEW) {
            throw new ConflictException(Conflict.ALREADY_REVIEWED);
        }
        MissionStatus next = approve ? MissionStatus.PUBLISHED : MissionStatus.REJECTED;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", s(next.name()));
        values.put(":pending", s(MissionStatus.PENDING_REVIEW.name()));
        values.put(":now", s(now.toString()));
        String update = "SET #status = :next, missionStatus = :next, updatedAt = :now, reviewedAt = :now";
        if (reason != null) {
            values.put(":reason", s(reason));
            update += ", reviewReason = :reason";
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.update(missionKey(id), MAIN, Update.builder()
                .conditionExpression("#status = :pending")
                .updateExpression(update)
                .expressionAttributeNames(Map.of("#status", TableLayout.STATUS))
                .expressionAttributeValues(values)));
        if (approve) {
            openIndex(items, current.mission(), now);
        }
        table.transactGuarded(items, () -> new ConflictException(Conflict.ALREADY_REVIEWED));
        return new StoredMission(current.mission(), next, current.createdAt(), now, reason);
    }

    @Override
    public StoredMission close(String id, MissionOutcome outcome, Instant now, List<OutboxEntry> emails) {
        StoredMission current = findMission(id).orElseThrow(() -> new NotFoundException("mission"));
        if (current.status() == MissionStatus.CLOSED || current.status() == MissionStatus.REJECTED) {
            throw new ConflictException(Conflict.ALREADY_CLOSED);
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":was", s(current.status().name()),
                ":closed", s(MissionStatus.CLOSED.name()), ":now", s(now.toString())));
        String update = "SET #status = :closed, missionStatus = :closed, updatedAt = :now, closedAt = :now";
        if (outcome != null) {
            values.put(":outcome", s(outcome.name()));
            update += ", outcome = :outcome";
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.update(missionKey(id), MAIN, Update.builder()
                .conditionExpression("#status = :was")
                .updateExpression(update)
                .expressionAttributeNames(Map.of("#status", TableLayout.STATUS))
                .expressionAttributeValues(values)));
        for (String skillId : MissionCard.of(current.mission()).skillIds()) {
            items.add(table.delete(TableLayout.openKey(skillId), missionKey(id)));
        }
        for (OutboxEntry email : emails) {
            items.add(table.putNew(TableLayout.outboxItem(email, now)));
        }
        table.transactGuarded(items, () -> new ConflictException(Conflict.ALREADY_CLOSED));
        return new StoredMission(current.mission(), MissionStatus.CLOSED, current.createdAt(), now, current.reviewReason(), outcome);
    }

    @Override
    public List<MissionCard> openMissionsWithSkill(String skillId) {
        return table.queryPartition(TableLayout.openKey(skillId)).stream()
                .map(item -> StoredJson.missionCard(text(item, CARD))).toList();
    }
}

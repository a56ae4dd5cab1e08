package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.CARD;
import static org.socialdeclik.shared.aws.TableLayout.CREATED_AT;
import static org.socialdeclik.shared.aws.TableLayout.DOC;
import static org.socialdeclik.shared.aws.TableLayout.MAIN;
import static org.socialdeclik.shared.aws.TableLayout.MISSION_ID;
import static org.socialdeclik.shared.aws.TableLayout.MISSION_STATUS;
import static org.socialdeclik.shared.aws.TableLayout.STATUS;
import static org.socialdeclik.shared.aws.TableLayout.UPDATED_AT;
import static org.socialdeclik.shared.aws.TableLayout.item;
import static org.socialdeclik.shared.aws.TableLayout.missionKey;
import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.ports.MissionCalendar;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The part of the table's layout ({@link TableLayout}) that belongs to missions: the mission item
 * ({@code MISSION#id / A}, with its {@code outcome} once closed with one), its open index items
 * ({@code OPEN#skillId / MISSION#id}) and the steps of the mission calendar
 * ({@code WHEN#day / ms#STEP#missionId}, entity {@code WHEN}, which no stream consumer selects).
 */
public final class MissionItems {
    /** Why a closed mission closed; absent on missions stored before outcomes, or closed without one. */
    public static final String OUTCOME = "outcome";

    private MissionItems() {}

    public static Map<String, AttributeValue> missionItem(Mission mission, MissionStatus status, Instant now) {
        Map<String, AttributeValue> item = item(missionKey(mission.id()), MAIN, TableLayout.Entity.MISSION);
        item.put(STATUS, s(status.name()));
        item.put(MISSION_STATUS, s(status.name()));
        item.put(DOC, s(StoredJson.write(mission)));
        item.put(CREATED_AT, s(now.toString()));
        item.put(UPDATED_AT, s(now.toString()));
        return item;
    }

    public static org.socialdeclik.shared.ports.StoredMission storedMission(Map<String, AttributeValue> item) {
        String outcome = text(item, OUTCOME);
        return new org.socialdeclik.shared.ports.StoredMission(StoredJson.mission(text(item, DOC)),
                MissionStatus.valueOf(text(item, STATUS)), Instant.parse(text(item, CREATED_AT)),
                Instant.parse(text(item, UPDATED_AT)), text(item, "reviewReason"),
                outcome == null ? null : MissionOutcome.valueOf(outcome));
    }

    /** The open-mission index items of a published mission, one per skill, each with the card. */
    public static List<Map<String, AttributeValue>> openMissionItems(MissionCard card) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String json = StoredJson.write(card);
        for (String skillId : card.skillIds()) {
            Map<String, AttributeValue> index = item(TableLayout.openKey(skillId), missionKey(card.id()), TableLayout.Entity.OPEN_MISSION);
            index.put(CARD, s(json));
            items.add(index);
        }
        return items;
    }

    /** The mission calendar's steps ({@code WHEN#day / ms#STEP#missionId}), kept until done. */
    static final DayCalendar CALENDAR = new DayCalendar("WHEN", MISSION_ID, null);

    /** The item of a planned step of the mission calendar. */
    static Map<String, AttributeValue> calendarItem(MissionCalendar.Step step, String missionId, Instant at) {
        return CALENDAR.item(step.name(), missionId, at);
    }
}

package org.socialdeclik.shared.aws;

import java.time.Instant;
import java.util.List;
import org.socialdeclik.shared.ports.MissionCalendar;

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
        MissionItems.CALENDAR.plan(table, step.name(), missionId, at);
    }

    @Override
    public List<Due> due(Instant now, int daysBack) {
        return MissionItems.CALENDAR.due(table, now, daysBack).stream()
                .map(p -> new Due(Step.valueOf(p.step()), p.subject(), p.at())).toList();
    }

    @Override
    public void done(Due due) {
        MissionItems.CALENDAR.done(table, due.step().name(), due.missionId(), due.at());
    }
}

package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.socialdeclik.shared.domain.Mission;

/**
 * What is due for a mission after it is published, and when: the organisation's follow-up some
 * days after the first interest, the last notice at the deadline, and the closing by itself three
 * days later. Read by time (no scan); an entry is taken off once done.
 */
public interface MissionCalendar {
    enum Step { FOLLOW_UP, LAST_NOTICE, EXPIRE }

    record Due(Step step, String missionId, Instant at) {}

    /** The platform's days begin and its reminders go out in French time. */
    ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The last notice goes out at 08:00 in Paris on the deadline, or on the start date when there is none. */
    static Instant lastNoticeAt(Mission mission) {
        LocalDate day = mission.applicationDeadline() != null ? mission.applicationDeadline() : mission.startDate();
        return day.atTime(LocalTime.of(8, 0)).atZone(PARIS).toInstant();
    }

    /** Plans a step (planning the same step for the same time again changes nothing). */
    void plan(Step step, String missionId, Instant at);

    /** The steps due by {@code now}, planned at most {@code daysBack} days before it, oldest first. */
    List<Due> due(Instant now, int daysBack);

    /** Takes a step off once done. */
    void done(Due due);
}

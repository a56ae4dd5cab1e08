package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.ports.ConflictException;
import org.socialdeclik.shared.ports.MissionActivity;
import org.socialdeclik.shared.ports.MissionCalendar;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredMission;

/**
 * Following up with the organisation (hourly): FOLLOW_UP_DAYS after the first interest, one
 * reminder of who is interested; at the deadline (or start date) one last notice; three days
 * later the mission closes by itself with the outcome EXPIRED, unless it was closed before. Each
 * step writes its email as an outbox item whose id names the mission (so each goes out once),
 * then is taken off the calendar; a step whose mission is no longer open does nothing.
 */
public final class FollowUpService {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpService.class);
    /** A mission left open after its last notice closes by itself this long after it. */
    public static final Duration GRACE = Duration.ofDays(3);
    /** How far back the calendar is read: a run missed for a while still finds what was due. */
    static final int DAYS_BACK = 30;

    private final MissionCalendar calendar;
    private final MissionRepository missions;
    private final ProfileRepository outbox;
    private final MissionActivity activity;
    private final MissionService closing;
    private final Clock clock;

    /** @param outbox where the emails are written (the repository's outbox writer) */
    public FollowUpService(MissionCalendar calendar, MissionRepository missions, ProfileRepository outbox,
                           MissionActivity activity, MissionService closing, Clock clock) {
        this.calendar = calendar;
        this.missions = missions;
        this.outbox = outbox;
        this.activity = activity;
        this.closing = closing;
        this.clock = clock;
    }

    /** What one run did. */
    public record Outcome(int due, int followUps, int lastNotices, int expired) {}

    public Outcome run() {
        Instant now = Instant.now(clock);
        List<MissionCalendar.Due> due = calendar.due(now, DAYS_BACK);
        int followUps = 0;
        int lastNotices = 0;
        int expired = 0;
        for (MissionCalendar.Due step : due) {
            Optional<StoredMission> mission = missions.findMission(step.missionId())
                    .filter(m -> m.status() == MissionStatus.PUBLISHED);
            if (mission.isPresent()) {
                Map<String, String> refs = Map.of("missionId", step.missionId());
                switch (step.step()) {
                    case FOLLOW_UP -> {
                        if (!activity.interestedProfiles(step.missionId()).isEmpty()) {
                            outbox.enqueue(new OutboxEntry("FOLLOWUP#" + step.missionId(), OutboxEntry.Kind.FOLLOW_UP, refs), now);
                            followUps++;
                        }
                    }
                    case LAST_NOTICE -> {
                        outbox.enqueue(new OutboxEntry("LASTNOTICE#" + step.missionId(), OutboxEntry.Kind.LAST_NOTICE, refs), now);
                        calendar.plan(MissionCalendar.Step.EXPIRE, step.missionId(), step.at().plus(GRACE));
                        lastNotices++;
                    }
                    case EXPIRE -> {
                        try {
                            closing.expire(step.missionId());
                            expired++;
                        } catch (ConflictException e) {
                            LOG.info("mission closed meanwhile, not expired");
                        }
                    }
                }
            }
            calendar.done(step);
        }
        Outcome outcome = new Outcome(due.size(), followUps, lastNotices, expired);
        LOG.info("mission follow-up: {}", outcome);
        return outcome;
    }
}

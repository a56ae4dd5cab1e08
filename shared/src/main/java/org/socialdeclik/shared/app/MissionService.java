package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.logging.BusinessMetric;
import org.socialdeclik.shared.logging.BusinessMetrics;
import org.socialdeclik.shared.ports.MissionActivity;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.TokenException;
import org.socialdeclik.shared.token.Tokens;

/** Submitting, reviewing and showing missions. */
public final class MissionService {
    private final MissionRepository missions;
    private final Tokens tokens;
    private final Clock clock;
    private final boolean moderation;
    private final MissionActivity activity;

    public MissionService(MissionRepository missions, Tokens tokens, Clock clock, boolean moderation,
                          MissionActivity activity) {
        this.missions = missions;
        this.tokens = tokens;
        this.clock = clock;
        this.moderation = moderation;
        this.activity = activity;
    }

    /** To how many the mission was proposed and how many are interested (for its link holders). */
    public MissionActivity.Counts counts(String missionId) {
        return activity.counts(missionId);
    }

    public record Submitted(String id, MissionStatus status) {}

    /** Stores a mission with its confirmation (and review) emails, all or nothing. */
    public Submitted submit(SubmitMission command) {
        Mission mission = command.mission();
        MissionStatus status = moderation ? MissionStatus.PENDING_REVIEW : MissionStatus.PUBLISHED;
        List<OutboxEntry> emails = new ArrayList<>();
        Map<String, String> refs = Map.of("missionId", mission.id());
        emails.add(new OutboxEntry("CONFIRM#" + mission.id(), OutboxEntry.Kind.MISSION_CONFIRMATION, refs));
        if (moderation) {
            emails.add(new OutboxEntry("REVIEW#" + mission.id(), OutboxEntry.Kind.MISSION_REVIEW, refs));
        }
        missions.submit(mission, status, Instant.now(clock), emails);
        BusinessMetrics.count(BusinessMetric.MISSIONS_SUBMITTED);
        if (status == MissionStatus.PUBLISHED) {
            BusinessMetrics.count(BusinessMetric.MISSIONS_PUBLISHED);
        }
        return new Submitted(mission.id(), status);
    }

    /** An admin's decision, authorised by the review token of this very mission. */
    public StoredMission review(ReviewMission command) {
        tokens.verify(command.token(), Purpose.REVIEW, command.missionId());
        return decide(command.missionId(), command.approve(), command.reason());
    }

    /** The same decision from the admins' desk, authorised by the admin's session instead of the emailed link. */
    public StoredMission review(AdminSession session, String missionId, boolean approve, String reason) {
        java.util.Objects.requireNonNull(session, "session");
        return decide(missionId, approve, reason);
    }

    private StoredMission decide(String missionId, boolean approve, String reason) {
        StoredMission reviewed = missions.review(missionId, approve, reason, Instant.now(clock));
        if (reviewed.status() == MissionStatus.PUBLISHED) {
            BusinessMetrics.count(BusinessMetric.MISSIONS_PUBLISHED);
        }
        return reviewed;
    }

    /**
     * The organisation closes its mission with the link it received, saying why or not
     * ({@code outcome} null); it is matched no more, and each freelancer who said they were
     * interested gets one short email saying so.
     */
    public StoredMission close(String missionId, String token, MissionOutcome outcome) {
        tokens.verify(token, Purpose.MANAGE_MISSION, missionId);
        if (outcome == MissionOutcome.EXPIRED) {
            throw new IllegalArgumentException("only a mission that closes by itself expires");
        }
        return closeWith(missionId, outcome);
    }

    /** A mission that closes by itself (its deadline long past): the outcome is EXPIRED. */
    public StoredMission expire(String missionId) {
        return closeWith(missionId, MissionOutcome.EXPIRED);
    }

    private StoredMission closeWith(String missionId, MissionOutcome outcome) {
        List<OutboxEntry> emails = activity.interestedProfiles(missionId).stream()
                .map(profileId -> OutboxEntry.missionClosed(missionId, profileId)).toList();
        StoredMission closed = missions.close(missionId, outcome, Instant.now(clock), emails);
        BusinessMetrics.count(BusinessMetric.MISSIONS_CLOSED);
        return closed;
    }

    /**
     * The mission in whatever state, for the holder of one of its links: the admin's review token
     * or the organisation's management token, both bound to this very mission.
     */
    public StoredMission forLinkHolder(String missionId, String token) {
        try {
            tokens.verify(token, Purpose.REVIEW, missionId);
        } catch (TokenException e) {
            if (e.kind() != TokenException.Kind.WRONG_PURPOSE) {
                throw e;
            }
            tokens.verify(token, Purpose.MANAGE_MISSION, missionId);
        }
        return missions.findMission(missionId).orElseThrow(() -> new NotFoundException("mission"));
    }

    /** A published mission, for anyone. */
    public StoredMission published(String missionId) {
        return missions.findMission(missionId)
                .filter(m -> m.status() == MissionStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("mission"));
    }
}

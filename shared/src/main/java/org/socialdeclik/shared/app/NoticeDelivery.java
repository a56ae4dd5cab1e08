package org.socialdeclik.shared.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.email.Notices;
import org.socialdeclik.shared.ports.MissionActivity;
import org.socialdeclik.shared.ports.MissionCalendar;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.Tokens;

/**
 * Renders the notices of the loop after the first email (issue 11: closing, follow-up, last notice,
 * "still available?" and "paused") from their outbox items, as
 * {@link NotificationService} sends them (the same claims, suppression and once-only rule):
 * each checks, when it is sent, that it still has a reason to go.
 */
final class NoticeDelivery {
    private final MissionRepository missions;
    private final ProfileRepository profiles;
    private final Notices notices = new Notices();
    private final Tokens tokens;
    private final Links links;
    private final MissionActivity activity;

    NoticeDelivery(MissionRepository missions, ProfileRepository profiles, Tokens tokens, Links links, MissionActivity activity) {
        this.missions = missions;
        this.profiles = profiles;
        this.tokens = tokens;
        this.links = links;
        this.activity = activity;
    }

    List<EmailMessage> render(OutboxEntry entry) {
        return switch (entry.kind()) {
            case MISSION_CLOSED -> closed(entry);
            case FOLLOW_UP -> followUp(entry);
            case LAST_NOTICE -> lastNotice(entry);
            case AVAILABILITY_CHECK -> availabilityCheck(entry);
            case AVAILABILITY_PAUSED -> availabilityPaused(entry);
            default -> List.of();
        };
    }

    private Optional<StoredMission> mission(OutboxEntry entry) {
        return missions.findMission(entry.refs().get("missionId"));
    }

    private Optional<StoredMission> open(OutboxEntry entry) {
        return mission(entry).filter(m -> m.status() == MissionStatus.PUBLISHED);
    }

    private String manageLink(String missionId) {
        return links.missionPage("/manage-mission", missionId, tokens.mint(Purpose.MANAGE_MISSION, missionId));
    }

    /** Who is interested (people still there), for the organisation that already has their contact. */
    private List<EmailMessage> followUp(OutboxEntry entry) {
        Optional<StoredMission> mission = open(entry);
        if (mission.isEmpty()) {
            return List.of();
        }
        String missionId = mission.get().mission().id();
        List<Notices.Interested> interested = new ArrayList<>();
        for (String profileId : activity.interestedProfiles(missionId)) {
            profiles.findProfile(profileId).filter(p -> p.status() == ProfileStatus.ACTIVE)
                    .ifPresent(p -> interested.add(new Notices.Interested(p.profile().displayName(), p.profile().email())));
        }
        return interested.isEmpty() ? List.of()
                : List.of(notices.followUp(mission.get().mission(), interested, manageLink(missionId)));
    }

    private List<EmailMessage> lastNotice(OutboxEntry entry) {
        return open(entry).map(m -> {
            LocalDate day = MissionCalendar.lastNoticeAt(m.mission()).atZone(MissionCalendar.PARIS).toLocalDate();
            return List.of(notices.lastNotice(m.mission(), day, day.plusDays(FollowUpService.GRACE.toDays()),
                    activity.counts(m.mission().id()).interested(), manageLink(m.mission().id())));
        }).orElse(List.of());
    }

    private Optional<StoredProfile> subscribed(OutboxEntry entry) {
        return profiles.findProfile(entry.refs().get("profileId"))
                .filter(p -> p.status() == ProfileStatus.ACTIVE && !p.unsubscribed());
    }

    private String unsubscribeToken(String profileId) {
        return tokens.mint(Purpose.UNSUBSCRIBE, profileId);
    }

    /** "Still available?", unless the person paused or left meanwhile: one link per answer. */
    private List<EmailMessage> availabilityCheck(OutboxEntry entry) {
        Map<String, String> refs = entry.refs();
        return subscribed(entry).filter(p -> !p.paused()).map(p -> {
            String id = p.profile().id();
            String answer = tokens.mint(Purpose.AVAILABILITY, id);
            String unsubscribe = unsubscribeToken(id);
            return List.of(notices.availabilityCheck(p.profile(), Long.parseLong(refs.get("quietDays")),
                    LocalDate.parse(refs.get("pauseUntil")), LocalDate.parse(refs.get("answerBy")),
                    links.availability("AVAILABLE", answer), links.availability("PAUSE", answer),
                    links.page("/unsubscribe", unsubscribe), links.oneClickUnsubscribe(unsubscribe)));
        }).orElse(List.of());
    }

    /** Paused for want of an answer, while it still is: one click resumes. */
    private List<EmailMessage> availabilityPaused(OutboxEntry entry) {
        return subscribed(entry).filter(StoredProfile::paused).map(p -> {
            String id = p.profile().id();
            String unsubscribe = unsubscribeToken(id);
            return List.of(notices.paused(p.profile(), links.availability("AVAILABLE", tokens.mint(Purpose.AVAILABILITY, id)),
                    links.page("/unsubscribe", unsubscribe), links.oneClickUnsubscribe(unsubscribe)));
        }).orElse(List.of());
    }

    /** The mission a freelancer was interested in closed: only their own name, the mission and why. */
    private List<EmailMessage> closed(OutboxEntry entry) {
        Optional<StoredMission> mission = mission(entry).filter(m -> m.status() == MissionStatus.CLOSED);
        Optional<StoredProfile> profile = subscribed(entry);
        if (mission.isEmpty() || profile.isEmpty()) {
            return List.of();
        }
        String unsubscribe = unsubscribeToken(profile.get().profile().id());
        return List.of(notices.missionClosed(profile.get().profile(), mission.get().mission(), mission.get().outcome(),
                links.page("/me", tokens.mint(Purpose.ACCESS, profile.get().profile().id())), links.page("/unsubscribe", unsubscribe), links.oneClickUnsubscribe(unsubscribe)));
    }
}

package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.email.Emails;
import org.socialdeclik.shared.ports.EmailSender;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.OutboxRepository;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.SuppressionList;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.Tokens;

/**
 * Sends the emails of the outbox. Each outbox item is claimed before sending, so a redelivered
 * stream record does not send twice; a failed send gives the claim back for the retry. State is
 * read fresh: nobody who unsubscribed, or whose mission closed, is emailed.
 */
public final class NotificationService {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final OutboxRepository outbox;
    private final MissionRepository missions;
    private final ProfileRepository profiles;
    private final MatchRepository matches;
    private final EmailSender sender;
    private final SuppressionList suppressions;
    private final Emails emails;
    private final Tokens tokens;
    private final Links links;
    private final List<String> adminEmails;
    private final Clock clock;

    public NotificationService(OutboxRepository outbox, MissionRepository missions, ProfileRepository profiles,
                               MatchRepository matches, SuppressionList suppressions, EmailSender sender, Emails emails,
                               Tokens tokens, Links links, List<String> adminEmails, Clock clock) {
        this.outbox = outbox;
        this.missions = missions;
        this.profiles = profiles;
        this.matches = matches;
        this.sender = sender;
        this.suppressions = suppressions;
        this.emails = emails;
        this.tokens = tokens;
        this.links = links;
        this.adminEmails = List.copyOf(adminEmails);
        this.clock = clock;
    }

    /**
     * For SnapStart priming: renders the verification email of a sample profile, with a real
     * token and link, and looks its address up in the suppression list (a read). Nothing is
     * sent and nothing is written; the message is returned for the caller to drop.
     */
    public EmailMessage rehearse(Profile sample) {
        EmailMessage message = emails.verification(sample,
                links.page("/verify", tokens.mint(Purpose.VERIFY, sample.id(), "priming")));
        suppressions.suppressed(message.to());
        return message;
    }

    /**
     * Sends the email of one outbox entry, once. Returns how many messages went out.
     *
     * <p>The claim is what makes it "once": a redelivered record finds the item taken and sends
     * nothing. A send that fails cleanly (SES throttling after the SDK's own backoff, a network
     * error) gives the claim back and fails the record, so Lambda retries it later. A process that
     * dies after claiming leaves the item claimed: whether SES accepted the message is then
     * unknown, and the platform chooses never to send twice over never to miss one; such an item
     * is logged when a redelivery finds it, for an admin to look at.
     */
    public int deliver(OutboxEntry entry) {
        Instant now = Instant.now(clock);
        if (!outbox.claim(entry.id(), now)) {
            LOG.info("outbox {} already taken, skipped", entry.kind());
            return 0;
        }
        List<String> ids = new ArrayList<>();
        try {
            for (EmailMessage message : render(entry)) {
                if (suppressions.suppressed(message.to())) {
                    LOG.info("outbox {}: a recipient is on the suppression list, not sent", entry.kind());
                    continue;
                }
                ids.add(sender.send(message));
            }
        } catch (RuntimeException e) {
            if (ids.isEmpty()) {
                outbox.release(entry.id());
            } else {
                // part of a multi-recipient email went out: keep it claimed rather than resend those
                outbox.markSent(entry.id(), String.join(",", ids) + ",incomplete", Instant.now(clock));
            }
            throw e;
        }
        outbox.markSent(entry.id(), ids.isEmpty() ? "none" : String.join(",", ids), Instant.now(clock));
        LOG.info("outbox {} sent {} message(s)", entry.kind(), ids.size());
        return ids.size();
    }

    private List<EmailMessage> render(OutboxEntry entry) {
        return switch (entry.kind()) {
            case VERIFY -> profile(entry)
                    .filter(p -> p.status() == ProfileStatus.PENDING_VERIFICATION && p.verifyNonce() != null)
                    .map(p -> List.of(emails.verification(p.profile(), links.page("/verify",
                            tokens.mint(Purpose.VERIFY, p.profile().id(), p.verifyNonce())))))
                    .orElse(List.of());
            case SIGN_IN -> profile(entry)
                    .filter(p -> p.status() == ProfileStatus.ACTIVE)
                    .map(p -> List.of(emails.signIn(p.profile(), links.page("/me",
                            tokens.mint(Purpose.ACCESS, p.profile().id())))))
                    .orElse(List.of());
            case MISSION_CONFIRMATION -> mission(entry)
                    .map(m -> List.of(emails.missionConfirmation(m.mission(), m.status() == MissionStatus.PUBLISHED,
                            links.missionPage("/manage-mission", m.mission().id(),
                                    tokens.mint(Purpose.MANAGE_MISSION, m.mission().id())))))
                    .orElse(List.of());
            case MISSION_REVIEW -> mission(entry)
                    .filter(m -> m.status() == MissionStatus.PENDING_REVIEW)
                    .map(m -> adminEmails.stream().map(admin -> emails.missionReview(admin, m.mission(),
                            links.missionPage("/review", m.mission().id(),
                                    tokens.mint(Purpose.REVIEW, m.mission().id())))).toList())
                    .orElse(List.of());
            case PROPOSAL -> proposal(entry);
            case DIGEST -> digest(entry);
            case INTEREST_ORGANIZATION, INTEREST_CONFIRMATION -> interest(entry);
        };
    }

    private Optional<StoredProfile> profile(OutboxEntry entry) {
        return profiles.findProfile(entry.refs().get("profileId"));
    }

    private Optional<StoredMission> mission(OutboxEntry entry) {
        return missions.findMission(entry.refs().get("missionId"));
    }

    private String interestLink(String missionId, String profileId) {
        // the page shows the mission (public once published) before the person confirms
        return links.missionPage("/interest", missionId, tokens.mint(Purpose.INTEREST, missionId + ":" + profileId));
    }

    private List<EmailMessage> proposal(OutboxEntry entry) {
        Optional<StoredProfile> profile = profile(entry).filter(StoredProfile::matchable);
        Optional<StoredMission> mission = mission(entry).filter(m -> m.status() == MissionStatus.PUBLISHED);
        if (profile.isEmpty() || mission.isEmpty()) {
            return List.of();
        }
        String profileId = profile.get().profile().id();
        String missionId = mission.get().mission().id();
        Optional<MatchReasons> reasons = matches.reasons(missionId, profileId);
        if (reasons.isEmpty()) {
            return List.of();
        }
        String unsubscribe = tokens.mint(Purpose.UNSUBSCRIBE, profileId);
        return List.of(emails.proposal(profile.get().profile(), mission.get().mission(), reasons.get(),
                interestLink(missionId, profileId), links.page("/unsubscribe", unsubscribe),
                links.oneClickUnsubscribe(unsubscribe)));
    }

    private List<EmailMessage> interest(OutboxEntry entry) {
        Optional<StoredProfile> profile = profile(entry).filter(p -> p.status() == ProfileStatus.ACTIVE);
        Optional<StoredMission> mission = mission(entry);
        if (profile.isEmpty() || mission.isEmpty()) {
            return List.of();
        }
        if (entry.kind() == OutboxEntry.Kind.INTEREST_CONFIRMATION) {
            return List.of(emails.interestConfirmation(profile.get().profile(), mission.get().mission()));
        }
        return matches.reasons(mission.get().mission().id(), profile.get().profile().id())
                .map(reasons -> List.of(emails.interestToOrganization(mission.get().mission(), profile.get().profile(), reasons)))
                .orElse(List.of());
    }

    private List<EmailMessage> digest(OutboxEntry entry) {
        Optional<StoredProfile> profile = profile(entry).filter(StoredProfile::matchable);
        if (profile.isEmpty()) {
            return List.of();
        }
        String profileId = profile.get().profile().id();
        List<Emails.DigestItem> items = new ArrayList<>();
        for (String missionId : entry.refs().get("missionIds").split(",")) {
            Optional<StoredMission> mission = missions.findMission(missionId).filter(m -> m.status() == MissionStatus.PUBLISHED);
            Optional<MatchReasons> reasons = matches.reasons(missionId, profileId);
            if (mission.isPresent() && reasons.isPresent()) {
                items.add(new Emails.DigestItem(mission.get().mission(), reasons.get(), interestLink(missionId, profileId)));
            }
        }
        if (items.isEmpty()) {
            return List.of();
        }
        String unsubscribe = tokens.mint(Purpose.UNSUBSCRIBE, profileId);
        return List.of(emails.digest(profile.get().profile(), items, links.page("/unsubscribe", unsubscribe),
                links.oneClickUnsubscribe(unsubscribe)));
    }
}

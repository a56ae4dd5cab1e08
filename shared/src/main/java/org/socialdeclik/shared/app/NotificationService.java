package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Duration;
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
import org.socialdeclik.shared.domain.match.MatchingSummary;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.email.Emails;
import org.socialdeclik.shared.logging.BusinessMetric;
import org.socialdeclik.shared.logging.BusinessMetrics;
import org.socialdeclik.shared.ports.EmailSender;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.MissionActivity;
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
 * stream record does not send twice; a send SES refused gives the claim back for a retry, and a
 * send whose outcome is unknown keeps it until evidence decides. State is read fresh: nobody who
 * unsubscribed, or whose mission closed, is emailed.
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
    private final NoticeDelivery notices;
    private final MissionActivity activity;

    public NotificationService(OutboxRepository outbox, MissionRepository missions, ProfileRepository profiles,
                               MatchRepository matches, SuppressionList suppressions, EmailSender sender, Emails emails,
                               Tokens tokens, Links links, List<String> adminEmails, Clock clock, MissionActivity activity) {
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
        this.activity = activity;
        this.notices = new NoticeDelivery(missions, profiles, tokens, links, activity);
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

    /** How one delivery of an outbox item ended. */
    public enum Outcome {
        /** Sent now (every part is with SES; parts accepted before were not sent again). */
        SENT,
        /** Nothing sent now: every part had been accepted already, as SES's answers or send events show. */
        CONFIRMED,
        /** Nothing to send any more (the person or the mission moved on, every recipient suppressed). */
        MOOT,
        /** A send's outcome is unknown: the item stays claimed until evidence or the sweep decides. */
        UNCONFIRMED,
        /** Another delivery holds the item. */
        TAKEN,
        /** It was sent already. */
        DONE,
        /** Its claim is younger than the time the sweep gives a send's evidence to arrive. */
        NOT_DUE,
        /** No such item (never written, or expired). */
        GONE
    }

    /**
     * Sends the email of one outbox entry, once: the stream's delivery of a new item.
     *
     * <p>The claim is what makes it "once": a redelivered record finds the item taken and sends
     * nothing. When SES refuses (throttling after the SDK's backoff, a paused account), the claim
     * is given back and {@link EmailSender.NotAccepted} thrown: the record fails and is retried,
     * and the sweep takes over once the retries are spent. When the outcome of a send is unknown
     * (a timeout, a dropped connection), the item stays claimed and the record succeeds: it is
     * never sent again blindly; SES's send event for it, or the sweep after
     * {@link #deliverLate}'s wait, decides.
     */
    public Outcome deliver(OutboxEntry entry) {
        Optional<OutboxRepository.Claim> claim = outbox.claim(entry.id(), Instant.now(clock));
        if (claim.isEmpty()) {
            LOG.info("outbox {} already taken, skipped", entry.kind());
            return Outcome.TAKEN;
        }
        return send(entry, claim.get());
    }

    /**
     * The sweep's delivery of an item the work ledger says is not done: a PENDING item is sent; a
     * claim older than {@code staleAfter} is taken again and only the parts with no evidence of
     * acceptance are sent (a claim that old with no send event means SES never took the message,
     * or that the process died before asking); a younger claim is left alone.
     */
    public Outcome deliverLate(String id, Duration staleAfter) {
        Instant now = Instant.now(clock);
        Optional<OutboxRepository.Delivery> found = outbox.delivery(id);
        if (found.isEmpty()) {
            return Outcome.GONE;
        }
        OutboxRepository.Delivery delivery = found.get();
        Optional<OutboxRepository.Claim> claim;
        if (delivery.state() == OutboxRepository.State.SENT) {
            return Outcome.DONE;
        } else if (delivery.state() == OutboxRepository.State.PENDING) {
            claim = outbox.claim(id, now);
        } else if (delivery.claimedAt() != null && delivery.claimedAt().plus(staleAfter).isAfter(now)) {
            return Outcome.NOT_DUE;
        } else {
            claim = outbox.reclaim(id, delivery.claimedAt(), now);
        }
        if (claim.isEmpty()) {
            return Outcome.TAKEN;
        }
        LOG.info("outbox {} taken by the sweep ({}, {} part(s) already accepted)", delivery.entry().kind(),
                delivery.state(), claim.get().accepted().size());
        return send(delivery.entry(), claim.get());
    }

    private Outcome send(OutboxEntry entry, OutboxRepository.Claim claim) {
        List<EmailMessage> messages;
        try {
            messages = render(entry);
        } catch (RuntimeException e) {
            outbox.release(entry.id(), claim.claimedAt()); // nothing was sent
            throw e;
        }
        String lastPart = null;
        String lastMessageId = null;
        int sent = 0;
        int acceptedBefore = 0;
        for (EmailMessage message : messages) {
            String part = OutboxEntry.part(message.to());
            if (claim.accepted().contains(part)) {
                acceptedBefore++; // SES took this one before: its answer or its send event says so
                continue;
            }
            if (suppressions.suppressed(message.to())) {
                LOG.info("outbox {}: a recipient is on the suppression list, not sent", entry.kind());
                continue;
            }
            if (lastPart != null) {
                outbox.accepted(entry.id(), lastPart, lastMessageId);
            }
            try {
                lastMessageId = sender.send(message, new EmailSender.Tag(entry.id(), part));
            } catch (EmailSender.NotAccepted e) {
                outbox.release(entry.id(), claim.claimedAt());
                throw e;
            } catch (RuntimeException e) {
                // SES may have taken it: never sent again blindly
                LOG.warn("outbox {}: the outcome of a send is unknown ({}); kept claimed until SES's send "
                        + "event or the sweep decides", entry.kind(), e.getClass().getName());
                outbox.unconfirmed(entry.id(), claim.claimedAt(), Instant.now(clock));
                return Outcome.UNCONFIRMED;
            }
            lastPart = part;
            sent++;
        }
        outbox.markSent(entry.id(), Instant.now(clock), lastPart, lastMessageId);
        LOG.info("outbox {} sent {} message(s), {} accepted before", entry.kind(), sent, acceptedBefore);
        if (entry.kind() == OutboxEntry.Kind.PROPOSAL || entry.kind() == OutboxEntry.Kind.DIGEST) {
            BusinessMetrics.count(BusinessMetric.PROPOSALS_SENT, sent);
        }
        return sent > 0 ? Outcome.SENT : acceptedBefore > 0 ? Outcome.CONFIRMED : Outcome.MOOT;
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
            case MATCHING_REPORT -> report(entry);
            case ADMIN_LINK -> adminLink(entry);
            case MISSION_CLOSED, FOLLOW_UP, LAST_NOTICE, AVAILABILITY_CHECK, AVAILABILITY_PAUSED -> notices.render(entry);
        };
    }

    /** To the admin the item names by the digest of its address, while that address is in AdminEmails. */
    private List<EmailMessage> adminLink(OutboxEntry entry) {
        String admin = entry.refs().get("admin");
        return adminEmails.stream().filter(address -> OutboxEntry.part(address).equals(admin)).limit(1)
                .map(address -> emails.adminLink(address, entry.refs().get("locale"),
                        links.page("/admin", tokens.mint(Purpose.ADMIN, admin))))
                .toList();
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
        Profile freelancer = profile.get().profile();
        return matches.reasons(mission.get().mission().id(), freelancer.id())
                .map(reasons -> List.of(entry.kind() == OutboxEntry.Kind.INTEREST_CONFIRMATION
                        ? emails.interestConfirmation(freelancer, mission.get().mission(), reasons,
                                links.page("/me", tokens.mint(Purpose.ACCESS, freelancer.id())))
                        : emails.interestToOrganization(mission.get().mission(), freelancer, reasons)))
                .orElse(List.of());
    }

    /** What matching did for a published mission, counted when the email is sent. */
    private List<EmailMessage> report(OutboxEntry entry) {
        return mission(entry)
                .filter(m -> m.status() == MissionStatus.PUBLISHED)
                .map(m -> List.of(emails.matchingReport(m.mission(), activity.counts(m.mission().id()).proposed(),
                        MatchingSummary.fromRefs(entry.refs()), links.missionPage("/manage-mission", m.mission().id(),
                                tokens.mint(Purpose.MANAGE_MISSION, m.mission().id())))))
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

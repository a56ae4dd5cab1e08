package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.domain.Conflict;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.logging.BusinessMetric;
import org.socialdeclik.shared.logging.BusinessMetrics;
import org.socialdeclik.shared.ports.ConflictException;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.MissionActivity;
import org.socialdeclik.shared.ports.MissionCalendar;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.ProfileRecords;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.token.Claims;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.TokenException;
import org.socialdeclik.shared.token.Tokens;

/**
 * What a freelancer does: create and verify a profile (double opt-in, no account enumeration),
 * sign in by emailed link, see, export, edit or erase it, say they are interested, unsubscribe.
 */
public final class ProfileService {
    private final ProfileRepository profiles;
    private final MissionRepository missions;
    private final MatchRepository matches;
    private final Tokens tokens;
    private final Clock clock;
    private final MissionActivity activity;
    private final MissionCalendar calendar;
    private final Duration followUpAfter;
    private final AvailabilityService availability;

    /** Without a mission calendar: interests plan no follow-up. */
    public ProfileService(ProfileRepository profiles, MissionRepository missions, MatchRepository matches,
                          Tokens tokens, Clock clock, MissionActivity activity) {
        this(profiles, missions, matches, tokens, clock, activity, null, Duration.ZERO);
    }

    /** {@code followUpAfter}: how long after an interest the organisation hears from us (FOLLOW_UP_DAYS). */
    public ProfileService(ProfileRepository profiles, MissionRepository missions, MatchRepository matches,
                          Tokens tokens, Clock clock, MissionActivity activity, MissionCalendar calendar, Duration followUpAfter) {
        this(profiles, missions, matches, tokens, clock, activity, calendar, followUpAfter, null);
    }

    /** {@code availability}: plans a verified profile's first "still available?" and notes interests as signs of life. */
    public ProfileService(ProfileRepository profiles, MissionRepository missions, MatchRepository matches,
                          Tokens tokens, Clock clock, MissionActivity activity, MissionCalendar calendar, Duration followUpAfter,
                          AvailabilityService availability) {
        this.availability = availability;
        this.calendar = calendar;
        this.followUpAfter = followUpAfter;
        this.profiles = profiles;
        this.missions = missions;
        this.matches = matches;
        this.tokens = tokens;
        this.clock = clock;
        this.activity = activity;
    }

    /**
     * A new address gets a verification email; a known one gets a sign-in email (or, while still
     * unverified, its verification again). At most one such reminder per address and hour, so
     * the form cannot be used to flood someone's mailbox. The caller answers the same either way.
     */
    public void register(RegisterProfile command) {
        Profile profile = command.profile();
        String id = profile.id();
        Instant now = Instant.now(clock);
        Optional<StoredProfile> existing = profiles.register(profile, tokens.newNonce(), now,
                new OutboxEntry("VERIFY#" + id, OutboxEntry.Kind.VERIFY, Map.of("profileId", id)));
        existing.ifPresent(known -> remind(known, now));
    }

    private void remind(StoredProfile known, Instant now) {
        String knownId = known.profile().id();
        long hour = now.getEpochSecond() / 3600;
        OutboxEntry reminder = known.status() == ProfileStatus.ACTIVE
                ? new OutboxEntry("SIGNIN#" + knownId + "#" + hour, OutboxEntry.Kind.SIGN_IN, Map.of("profileId", knownId))
                : new OutboxEntry("VERIFY#" + knownId + "#" + hour, OutboxEntry.Kind.VERIFY, Map.of("profileId", knownId));
        profiles.enqueue(reminder, now);
    }

    /** A sign-in link for a verified address; nothing for others, and the same answer either way. */
    public void requestSignInLink(String email) {
        profiles.findProfileByEmail(email)
                .filter(p -> p.status() == ProfileStatus.ACTIVE)
                .ifPresent(p -> remind(p, Instant.now(clock)));
    }

    public record Verified(String profileId, ProfileStatus status, String accessToken, Instant expiresAt) {}

    /** Confirms the address with the single-use verification link; answers an access token. */
    public Verified verify(String token) {
        Claims claims = tokens.verify(token, Purpose.VERIFY);
        StoredProfile profile;
        if (availability != null) {
            availability.planFirstCheck(claims.subject()); // first, so an active profile always has its check
        }
        try {
            profile = profiles.activate(claims.subject(), claims.nonce(), Instant.now(clock));
        } catch (NotFoundException e) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        BusinessMetrics.count(BusinessMetric.PROFILES_VERIFIED);
        Instant expiresAt = tokens.expiryOf(Purpose.ACCESS);
        String access = tokens.mint(Purpose.ACCESS, profile.profile().id(), tokens.newNonce(), expiresAt);
        return new Verified(profile.profile().id(), ProfileStatus.ACTIVE, access, expiresAt);
    }

    /** The signed-in person's profile; a token of an erased profile is no longer valid. */
    public StoredProfile signedIn(String accessToken) {
        if (accessToken == null) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        Claims claims = tokens.verify(accessToken, Purpose.ACCESS);
        return profiles.findProfile(claims.subject())
                .filter(p -> p.status() == ProfileStatus.ACTIVE)
                .orElseThrow(() -> new TokenException(TokenException.Kind.INVALID));
    }

    /** What was proposed to the person (with the missions' titles) and what they chose. */
    public ProfileRecords records(StoredProfile profile) {
        ProfileRecords records = profiles.records(profile.profile().id());
        if (records.proposals().isEmpty()) {
            return records;
        }
        Map<String, String> titles = activity.titles(records.proposals().stream().map(ProfileRecords.Proposal::missionId).toList());
        return new ProfileRecords(records.proposals().stream().map(p -> p.withTitle(titles.get(p.missionId()))).toList(),
                records.interests());
    }

    /**
     * Replaces the editable fields (the email stays); matching runs again on the change. With
     * {@code subscribed}, the signed-in owner also switches proposals back on (or off): the
     * change is written after the fields, and asking again is harmless.
     */
    public StoredProfile update(UpdateProfile command) {
        Profile updated = command.profile();
        Instant now = Instant.now(clock);
        StoredProfile stored = profiles.update(updated, now);
        Boolean subscribed = command.subscribed();
        if (subscribed != null && subscribed == stored.unsubscribed()) {
            if (subscribed) {
                stored = profiles.resubscribe(updated.id(), now);
            } else {
                profiles.unsubscribe(updated.id(), now);
                stored = stored.changed(stored.profile(), now, true);
            }
        }
        return stored;
    }

    public void erase(String accessToken) {
        profiles.erase(signedIn(accessToken).profile().id());
    }

    /** Stops match emails; repeating it is harmless. */
    public void unsubscribe(String token) {
        Claims claims = tokens.verify(token, Purpose.UNSUBSCRIBE);
        try {
            if (profiles.unsubscribe(claims.subject(), Instant.now(clock))) {
                BusinessMetrics.count(BusinessMetric.UNSUBSCRIBES);
            }
        } catch (NotFoundException e) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
    }

    /**
     * "I'm interested": connects the freelancer and the organisation, once. The link stops working
     * when the profile is erased; a closed mission answers 409.
     */
    public void interest(String token) {
        Claims claims = tokens.verify(token, Purpose.INTEREST);
        String[] pair = claims.subject().split(":", 2);
        if (pair.length != 2) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        String missionId = pair[0];
        String profileId = pair[1];
        profiles.findProfile(profileId).filter(p -> p.status() == ProfileStatus.ACTIVE)
                .orElseThrow(() -> new TokenException(TokenException.Kind.INVALID));
        var mission = missions.findMission(missionId).orElseThrow(() -> new NotFoundException("mission"));
        if (mission.status() != MissionStatus.PUBLISHED) {
            throw new ConflictException(Conflict.MISSION_NOT_OPEN);
        }
        Instant now = Instant.now(clock);
        if (calendar != null) {
            // planned first, so a recorded interest always has its follow-up; the first one due
            // sends it (one per mission), the others find it sent
            calendar.plan(MissionCalendar.Step.FOLLOW_UP, missionId, now.plus(followUpAfter));
        }
        if (matches.recordInterest(missionId, profileId, now)) {
            BusinessMetrics.count(BusinessMetric.INTERESTS);
        }
        if (availability != null) {
            availability.seen(profileId); // a sign of life: "still available?" waits a period more
        }
    }
}

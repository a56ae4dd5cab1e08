package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.ports.MissionCalendar;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.ProfileAvailability;
import org.socialdeclik.shared.ports.ProfileAvailability.Step;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.token.Claims;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.TokenException;
import org.socialdeclik.shared.token.Tokens;

/**
 * Availability (issue 11, §1). A verified profile is available until its owner says otherwise.
 * After {@code checkAfter} (AVAILABILITY_CHECK_DAYS) without a sign of life (an edit, an interest,
 * an answer) its owner gets one "still available?" email; with no answer {@link #ANSWER_WITHIN}
 * later the profile is paused, and one email says so. A pause with an end date ends by itself
 * that morning. Each profile has one step on the calendar at a time, planned when it is verified
 * and re-planned by the sweep when due ({@link #run}), so that a sign of life costs no calendar
 * write: a check that comes due after one is simply moved to a period after it.
 */
public final class AvailabilityService {
    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityService.class);
    public enum Answer { AVAILABLE, PAUSE }

    /** How long the owner has to answer "still available?" before the profile is paused. */
    public static final Duration ANSWER_WITHIN = Duration.ofDays(14);
    /** A pause chosen without a date lasts four weeks. */
    public static final Period DEFAULT_PAUSE = Period.ofWeeks(4);
    /** A pause ends at most a year ahead. */
    public static final Period LONGEST_PAUSE = Period.ofYears(1);
    /** How far back the calendar is read: a run missed for a while still finds what was due. */
    static final int DAYS_BACK = 30;

    private final ProfileAvailability availability;
    private final ProfileRepository profiles;
    private final Tokens tokens;
    private final Clock clock;
    private final Duration checkAfter;

    /** @param tokens checks the answers' links (null for the sweep, which answers nothing) */
    public AvailabilityService(ProfileAvailability availability, ProfileRepository profiles, Tokens tokens, Clock clock,
                               Duration checkAfter) {
        if (checkAfter.isNegative() || checkAfter.isZero()) {
            throw new IllegalArgumentException("the check period must be positive");
        }
        this.availability = availability;
        this.profiles = profiles;
        this.tokens = tokens;
        this.clock = clock;
        this.checkAfter = checkAfter;
    }

    /** The morning a pause ending on {@code until} gives way: 08:00 in Paris, as the other notices. */
    public static Instant resumesAt(LocalDate until) {
        return until.atTime(LocalTime.of(8, 0)).atZone(MissionCalendar.PARIS).toInstant();
    }

    /** The first day a pause may end on, and the last. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(MissionCalendar.PARIS));
    }

    /** A profile is being verified: its first check, one period from now (planned first, so an active profile has it). */
    public void planFirstCheck(String profileId) {
        availability.plan(Step.CHECK, profileId, Instant.now(clock).plus(checkAfter));
    }

    /** An interest is a sign of life. */
    public void seen(String profileId) {
        availability.seen(profileId, Instant.now(clock));
    }

    /** The profile whose emailed link (purpose AVAILABILITY) this is; the link of an erased profile is no longer valid. */
    public StoredProfile holder(String token) {
        Claims claims = tokens.verify(token, Purpose.AVAILABILITY);
        return profiles.findProfile(claims.subject()).filter(p -> p.status() == ProfileStatus.ACTIVE)
                .orElseThrow(() -> new TokenException(TokenException.Kind.INVALID));
    }

    /**
     * The owner's answer (through the emailed link's {@link #holder} or signed in, from {@code /me}):
     * available (resumes a paused profile, renews another for a period), or a pause that ends on
     * {@code until} (four weeks from today when null; the caller checked it is within a year).
     */
    public StoredProfile answer(StoredProfile owner, Answer answer, LocalDate until) {
        return apply(owner.profile().id(), answer, until);
    }

    private StoredProfile apply(String profileId, Answer answer, LocalDate until) {
        Instant now = Instant.now(clock);
        if (answer == Answer.AVAILABLE) {
            StoredProfile profile = profiles.findProfile(profileId).filter(p -> p.status() == ProfileStatus.ACTIVE)
                    .orElseThrow(() -> new NotFoundException("profile"));
            if (profile.paused()) {
                profile = availability.resume(profileId, now);
            } else {
                // available already: the answer renews it for another period
                availability.seen(profileId, now);
                profile = new StoredProfile(profile.profile(), profile.status(), profile.createdAt(), profile.updatedAt(),
                        profile.verifyNonce(), profile.unsubscribed(), now, null);
            }
            availability.plan(Step.CHECK, profileId, now.plus(checkAfter));
            return profile;
        }
        LocalDate last = until != null ? until : today().plus(DEFAULT_PAUSE);
        availability.plan(Step.RESUME, profileId, resumesAt(last));
        return availability.pause(profileId, last, true, now);
    }

    /** What one run did. */
    public record Outcome(int due, int checks, int paused, int resumed) {}

    /** Does what the calendar has due, each step once (it is taken off when done). */
    public Outcome run() {
        Instant now = Instant.now(clock);
        List<ProfileAvailability.Due> due = availability.due(now, DAYS_BACK);
        int checks = 0;
        int paused = 0;
        int resumed = 0;
        for (ProfileAvailability.Due step : due) {
            Optional<StoredProfile> found = profiles.findProfile(step.profileId()).filter(p -> p.status() == ProfileStatus.ACTIVE);
            if (found.isPresent()) {
                StoredProfile profile = found.get();
                switch (step.step()) {
                    case CHECK -> checks += check(profile, now) ? 1 : 0;
                    case NO_ANSWER -> paused += noAnswer(profile, step, now) ? 1 : 0;
                    case RESUME -> resumed += resume(profile, now) ? 1 : 0;
                }
            }
            availability.done(step);
        }
        Outcome outcome = new Outcome(due.size(), checks, paused, resumed);
        LOG.info("availability: {}", outcome);
        return outcome;
    }

    /** A period of silence has passed: ask once, and plan the pause for no answer. */
    private boolean check(StoredProfile profile, Instant now) {
        String id = profile.profile().id();
        if (profile.paused()) {
            return false; // the pause's end plans the next check
        }
        Instant quietSince = profile.lastSeen();
        Instant checkAt = quietSince.plus(checkAfter);
        if (checkAt.isAfter(now)) {
            availability.plan(Step.CHECK, id, checkAt); // a sign of life since: a period after it
            return false;
        }
        if (profile.unsubscribed()) {
            availability.plan(Step.CHECK, id, now.plus(checkAfter)); // proposed nothing: nothing to ask
            return false;
        }
        Instant answerBy = now.plus(ANSWER_WITHIN);
        profiles.enqueue(OutboxEntry.availabilityCheck(id, quietSince, Duration.between(quietSince, now).toDays(),
                answerBy.atZone(MissionCalendar.PARIS).toLocalDate(), today().plus(DEFAULT_PAUSE)), now);
        availability.plan(Step.NO_ANSWER, id, answerBy);
        return true;
    }

    /** The check went unanswered (no sign of life since it was sent): paused until its owner resumes. */
    private boolean noAnswer(StoredProfile profile, ProfileAvailability.Due step, Instant now) {
        String id = profile.profile().id();
        if (profile.paused()) {
            return false;
        }
        Instant quietSince = profile.lastSeen();
        if (quietSince.isAfter(step.at().minus(ANSWER_WITHIN))) {
            availability.plan(Step.CHECK, id, quietSince.plus(checkAfter));
            return false;
        }
        availability.pause(id, null, false, now);
        profiles.enqueue(OutboxEntry.availabilityPaused(id, quietSince), now);
        return true;
    }

    /** A dated pause's end has come (and was not moved since): available again, for another period. */
    private boolean resume(StoredProfile profile, Instant now) {
        LocalDate until = profile.paused() ? profile.pause().until() : null;
        if (until == null || resumesAt(until).isAfter(now)) {
            return false;
        }
        availability.resume(profile.profile().id(), now);
        availability.plan(Step.CHECK, profile.profile().id(), now.plus(checkAfter));
        return true;
    }
}

package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProposalFrequency;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.match.MatchingSummary;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.domain.vocab.Vocabulary;
import org.socialdeclik.shared.logging.BusinessMetric;
import org.socialdeclik.shared.logging.BusinessMetrics;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.ports.StoredProfile;

/**
 * Finds who may be proposed a mission (reading only profiles that share a skill with it, through
 * the skill index) and which open missions a profile fits (likewise), ranks them, applies the
 * per-mission limit and the per-freelancer weekly cap (deferring, never dropping), and records
 * the matches; the emails follow from the records.
 */
public final class MatchingService {
    private static final Logger LOG = LoggerFactory.getLogger(MatchingService.class);
    static final Duration WINDOW = Duration.ofDays(7);
    /** A Monday run counts the proposals of the last seven days less this (last Monday's are out). */
    static final Duration DIGEST_SLACK = Duration.ofHours(12);
    /** At most this many missions in one digest (one transaction writes three items per mission). */
    static final int MAX_DIGEST = 30;

    private final ProfileRepository profiles;
    private final MissionRepository missions;
    private final MatchRepository matches;
    private final Matcher matcher;
    private final Clock clock;
    private final int maxMatchesPerMission;
    private final int maxProposalsPerWeek;
    private final ToIntFunction<String> interestCount;
    private final int interestTarget;

    /** Matching without an interest target (every open mission may be proposed). */
    public MatchingService(ProfileRepository profiles, MissionRepository missions, MatchRepository matches,
                           Matcher matcher, Clock clock, int maxMatchesPerMission, int maxProposalsPerWeek) {
        this(profiles, missions, matches, matcher, clock, maxMatchesPerMission, maxProposalsPerWeek, id -> 0, Integer.MAX_VALUE);
    }

    /**
     * @param interestCount how many freelancers said they are interested in a mission
     * @param interestTarget once that many are, the mission is proposed to no one more (INTEREST_TARGET)
     */
    public MatchingService(ProfileRepository profiles, MissionRepository missions, MatchRepository matches,
                           Matcher matcher, Clock clock, int maxMatchesPerMission, int maxProposalsPerWeek,
                           ToIntFunction<String> interestCount, int interestTarget) {
        if (maxMatchesPerMission < 1 || maxProposalsPerWeek < 1 || interestTarget < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        this.profiles = profiles;
        this.missions = missions;
        this.matches = matches;
        this.matcher = matcher;
        this.clock = clock;
        this.maxMatchesPerMission = maxMatchesPerMission;
        this.maxProposalsPerWeek = maxProposalsPerWeek;
        this.interestCount = interestCount;
        this.interestTarget = interestTarget;
    }

    /** Enough freelancers said they are interested: the mission is proposed to no one more. */
    public boolean enoughInterest(String missionId) {
        return interestTarget != Integer.MAX_VALUE && interestCount.applyAsInt(missionId) >= interestTarget;
    }

    /** What one matching run did, for logs and tests. */
    public record Outcome(int read, int eligible, int proposed, int deferred) {}

    /** The freelancer's proposals in the last seven days, newest first. */
    private record Window(List<Instant> recent) {
        Instant lastProposedAt() {
            return recent.isEmpty() ? null : recent.get(0);
        }

        int used() {
            return recent.size();
        }

        /** When the window has room again: the oldest of the proposals that fill it leaves it. */
        Instant freesAt(int cap) {
            return recent.get(cap - 1).plus(WINDOW);
        }
    }

    private Window window(String profileId, Instant now) {
        // a proposal exactly seven days old has left the window
        return new Window(matches.proposalsSince(profileId, now.minus(WINDOW).plusMillis(1)));
    }

    /** A mission was published: propose it to the best-fitting freelancers. */
    public Outcome missionPublished(Mission mission) {
        if (enoughInterest(mission.id())) {
            LOG.info("mission not matched: it has enough interested freelancers");
            return new Outcome(0, 0, 0, 0);
        }
        MissionCard card = MissionCard.of(mission);
        Map<String, ProfileCard> candidates = new LinkedHashMap<>();
        List<String> missingSkills = new ArrayList<>();
        for (String skillId : card.skillIds()) {
            // who has the skill, then who has a narrower one (Drupal, WordPress ... for a CMS)
            List<ProfileCard> withSkill = new ArrayList<>(profiles.activeProfilesWithSkill(skillId));
            for (String narrower : Vocabulary.skills().narrower(skillId)) {
                withSkill.addAll(profiles.activeProfilesWithSkill(narrower));
            }
            if (withSkill.isEmpty()) {
                missingSkills.add(card.wordFor(skillId));
            }
            for (ProfileCard profile : withSkill) {
                candidates.putIfAbsent(profile.id(), profile);
            }
        }
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        List<Matcher.Candidate> eligible = new ArrayList<>();
        Map<Matcher.Miss, Integer> misses = new EnumMap<>(Matcher.Miss.class);
        List<Integer> minimumsAbovePay = new ArrayList<>();
        for (ProfileCard profile : candidates.values()) {
            Matcher.Verdict verdict = matcher.judge(card, profile, today);
            if (verdict.reasons() != null) {
                eligible.add(new Matcher.Candidate(profile, verdict.reasons(), null));
            } else {
                misses.merge(verdict.miss(), 1, Integer::sum);
                if (verdict.miss() == Matcher.Miss.PAY) {
                    minimumsAbovePay.add(profile.minimumRate());
                }
            }
        }
        eligible.sort(Matcher.FIT);
        // Read the weekly windows only of those who can make the cut: whole groups of equally fitting
        // candidates in fit order, until the limit is reached; the group at the cut is ordered by
        // who waited longest. Windows of candidates below the cut are never read.
        Map<String, Window> windows = new LinkedHashMap<>();
        List<Matcher.Candidate> chosen = new ArrayList<>();
        for (int start = 0; start < eligible.size() && chosen.size() < maxMatchesPerMission; ) {
            int end = start + 1;
            while (end < eligible.size() && Matcher.FIT.compare(eligible.get(start), eligible.get(end)) == 0) {
                end++;
            }
            List<Matcher.Candidate> group = new ArrayList<>();
            for (Matcher.Candidate tied : eligible.subList(start, end)) {
                Window window = window(tied.profile().id(), now);
                windows.put(tied.profile().id(), window);
                group.add(new Matcher.Candidate(tied.profile(), tied.reasons(), window.lastProposedAt()));
            }
            group.sort(Matcher.WAITED_LONGEST);
            chosen.addAll(group.subList(0, Math.min(group.size(), maxMatchesPerMission - chosen.size())));
            start = end;
        }
        int proposed = 0;
        int deferred = 0;
        for (Matcher.Candidate candidate : chosen) {
            String profileId = candidate.profile().id();
            Window window = windows.get(profileId);
            if (candidate.profile().weekly()) {
                // a WEEKLY freelancer hears of it in the Monday digest (the cap is applied then)
                if (matches.recordWaiting(mission.id(), profileId, candidate.reasons(), ProposalFrequency.nextDigest(now), now)) {
                    deferred++;
                }
            } else if (window.used() >= maxProposalsPerWeek) {
                if (matches.recordDeferred(mission.id(), profileId, candidate.reasons(), window.freesAt(maxProposalsPerWeek), now)) {
                    deferred++;
                }
            } else if (matches.recordProposal(mission.id(), profileId, candidate.reasons(), now)) {
                proposed++;
            }
        }
        Outcome outcome = new Outcome(candidates.size(), eligible.size(), proposed, deferred);
        // the organisation hears once what matching did (one outbox item per mission: a retried run
        // finds it written); the count of proposals is read when the email is sent. Only for a
        // mission stored and still published (a priming run's sample mission is neither).
        if (missions.findMission(mission.id()).filter(m -> m.status() == MissionStatus.PUBLISHED).isEmpty()) {
            LOG.info("mission matched: {}, no report (not a published mission)", outcome);
            return outcome;
        }
        MatchingSummary summary = new MatchingSummary(eligible.size(), deferred, missingSkills,
                misses.getOrDefault(Matcher.Miss.PLACE, 0), misses.getOrDefault(Matcher.Miss.PAY, 0),
                MatchingSummary.median(minimumsAbovePay), misses.getOrDefault(Matcher.Miss.PRO_BONO, 0),
                misses.getOrDefault(Matcher.Miss.TIME, 0));
        Map<String, String> refs = new HashMap<>(summary.toRefs());
        refs.put("missionId", mission.id());
        profiles.enqueue(new OutboxEntry("REPORT#" + mission.id(), OutboxEntry.Kind.MATCHING_REPORT, refs), now);
        LOG.info("mission matched: {}", outcome);
        BusinessMetrics.count(BusinessMetric.PROPOSALS_DEFERRED, deferred);
        return outcome;
    }

    /** A profile became active or changed: its new matches among open missions, as one email. */
    public Outcome profileActive(Profile profile) {
        ProfileCard card = ProfileCard.of(profile);
        Map<String, MissionCard> open = new LinkedHashMap<>();
        for (String skillId : card.skillIds()) {
            List<String> asked = new ArrayList<>(List.of(skillId));
            // a mission asking for a broader skill is open to this one too (a CMS for Drupal)
            asked.addAll(Vocabulary.skills().broader(skillId));
            for (String id : asked) {
                for (MissionCard mission : missions.openMissionsWithSkill(id)) {
                    open.putIfAbsent(mission.id(), mission);
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        record Fit(String missionId, Matcher.Candidate candidate) {}
        List<Fit> fits = new ArrayList<>();
        for (MissionCard mission : open.values()) {
            if (enoughInterest(mission.id())) {
                continue;
            }
            matcher.evaluate(mission, card, today)
                    .ifPresent(reasons -> fits.add(new Fit(mission.id(), new Matcher.Candidate(card, reasons, null))));
        }
        fits.sort((a, b) -> Matcher.RANKING.compare(a.candidate(), b.candidate()));
        if (profile.weekly()) {
            // they all wait for the Monday digest, where the weekly cap is applied
            int waiting = 0;
            for (Fit fit : fits.subList(0, Math.min(maxMatchesPerMission, fits.size()))) {
                if (matches.recordWaiting(fit.missionId(), profile.id(), fit.candidate().reasons(), ProposalFrequency.nextDigest(now), now)) {
                    waiting++;
                }
            }
            LOG.info("profile matched for its weekly digest: {} found, {} waiting", fits.size(), waiting);
            return new Outcome(open.size(), fits.size(), 0, waiting);
        }
        Window window = window(profile.id(), now);
        int room = Math.max(0, maxProposalsPerWeek - window.used());
        Map<String, MatchReasons> digest = new LinkedHashMap<>();
        int deferred = 0;
        for (Fit fit : fits.subList(0, Math.min(maxMatchesPerMission, fits.size()))) {
            String missionId = fit.missionId();
            if (digest.size() < room) {
                digest.put(missionId, fit.candidate().reasons());
            } else {
                // over the weekly cap: each waits for a later window, one week after the digest at most
                Instant due = window.used() >= maxProposalsPerWeek ? window.freesAt(maxProposalsPerWeek) : now.plus(WINDOW);
                if (matches.recordDeferred(missionId, profile.id(), fit.candidate().reasons(), due, now)) {
                    deferred++;
                }
            }
        }
        List<String> recorded = digest.isEmpty() ? List.of() : matches.recordDigest(profile.id(), digest, now);
        Outcome outcome = new Outcome(open.size(), fits.size(), recorded.size(), deferred);
        LOG.info("profile matched: {}", outcome);
        BusinessMetrics.count(BusinessMetric.PROPOSALS_DEFERRED, deferred);
        return outcome;
    }

    /**
     * Proposes the deferred pairs whose window has come, if the mission is still open and the
     * profile still matchable; a window still full postpones them again.
     */
    public Outcome releaseDeferred() {
        Instant now = Instant.now(clock);
        List<MatchRepository.DuePair> due = matches.duePairs(now, 8);
        int proposed = 0;
        int deferred = 0;
        for (MatchRepository.DuePair pair : due) {
            Optional<StoredProfile> profile = profiles.findProfile(pair.profileId());
            boolean proposable = stillProposable(pair.missionId());
            if (proposable && profile.isPresent() && profile.get().paused()) {
                // never proposed while paused; found again among the open missions when it resumes
                matches.forgetDeferred(pair);
                continue;
            }
            if (!proposable || profile.isEmpty() || !profile.get().matchable()) {
                matches.dropDeferred(pair);
                continue;
            }
            Window window = window(pair.profileId(), now);
            if (window.used() >= maxProposalsPerWeek) {
                matches.postpone(pair, window.freesAt(maxProposalsPerWeek));
                deferred++;
            } else if (matches.promoteDeferred(pair, now)) {
                proposed++;
            }
        }
        Outcome outcome = new Outcome(due.size(), due.size(), proposed, deferred);
        LOG.info("deferred proposals released: {}", outcome);
        return outcome;
    }

    /** The mission is still published, before its deadline, and short of its interest target. */
    private boolean stillProposable(String missionId) {
        Optional<StoredMission> mission = missions.findMission(missionId);
        return mission.isPresent() && mission.get().status() == MissionStatus.PUBLISHED
                && (mission.get().mission().applicationDeadline() == null
                    || !LocalDate.now(clock).isAfter(mission.get().mission().applicationDeadline()))
                && !enoughInterest(missionId);
    }

    /**
     * The Monday digests: each WEEKLY freelancer's waiting pairs whose digest has come, as one
     * email, leaving out the missions no longer open (closed, past their deadline, enough
     * interest) and the freelancer no longer matchable. The weekly cap holds: what does not fit
     * waits for the next Monday. Reads only what waits (the Mondays' partitions) and, per
     * freelancer, the profile, the missions and the window.
     */
    public Outcome releaseWeekly() {
        Instant now = Instant.now(clock);
        Map<String, List<MatchRepository.DuePair>> byProfile = new LinkedHashMap<>();
        List<MatchRepository.DuePair> waiting = matches.waitingPairs(now, 3);
        waiting.forEach(pair -> byProfile.computeIfAbsent(pair.profileId(), id -> new ArrayList<>()).add(pair));
        int proposed = 0;
        int postponed = 0;
        int digests = 0;
        for (Map.Entry<String, List<MatchRepository.DuePair>> entry : byProfile.entrySet()) {
            Optional<StoredProfile> profile = profiles.findProfile(entry.getKey());
            boolean matchable = profile.isPresent() && profile.get().matchable();
            boolean paused = profile.isPresent() && profile.get().paused();
            List<MatchRepository.DuePair> kept = new ArrayList<>();
            for (MatchRepository.DuePair pair : entry.getValue()) {
                boolean proposable = (matchable || paused) && stillProposable(pair.missionId());
                if (proposable && matchable) {
                    kept.add(pair);
                } else if (proposable) {
                    matches.forgetDeferred(pair); // paused: found again among the open missions when it resumes
                } else {
                    matches.dropDeferred(pair);
                }
            }
            // last Monday's digest left the window even if this run starts a little earlier in the hour
            int used = matches.proposalsSince(entry.getKey(), now.minus(WINDOW).plus(DIGEST_SLACK)).size();
            int room = Math.min(MAX_DIGEST, Math.max(0, maxProposalsPerWeek - used));
            List<MatchRepository.DuePair> ready = kept.subList(0, Math.min(room, kept.size()));
            for (MatchRepository.DuePair later : kept.subList(ready.size(), kept.size())) {
                matches.postpone(later, ProposalFrequency.nextDigest(now));
                postponed++;
            }
            if (!ready.isEmpty()) {
                List<String> sent = matches.promoteToDigest(entry.getKey(), ready, now);
                proposed += sent.size();
                digests += sent.isEmpty() ? 0 : 1;
            }
        }
        Outcome outcome = new Outcome(waiting.size(), byProfile.size(), proposed, postponed);
        LOG.info("weekly digests: {} sent, {}", digests, outcome);
        return outcome;
    }
}

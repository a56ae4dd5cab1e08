package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.ProfileRepository;

/**
 * Finds who may be proposed a mission (reading only profiles that share a skill with it, through
 * the skill index) and which open missions a profile fits (likewise), and records the matches;
 * the emails follow from the records.
 */
public final class MatchingService {
    private static final Logger LOG = LoggerFactory.getLogger(MatchingService.class);

    private final ProfileRepository profiles;
    private final MissionRepository missions;
    private final MatchRepository matches;
    private final Matcher matcher;
    private final Clock clock;
    private final int maxMatchesPerMission;

    public MatchingService(ProfileRepository profiles, MissionRepository missions, MatchRepository matches,
                           Matcher matcher, Clock clock, int maxMatchesPerMission) {
        this.profiles = profiles;
        this.missions = missions;
        this.matches = matches;
        this.matcher = matcher;
        this.clock = clock;
        this.maxMatchesPerMission = maxMatchesPerMission;
    }

    /** A mission was published: propose it to the best-fitting freelancers. Returns how many were new. */
    public int missionPublished(Mission mission) {
        MissionCard card = MissionCard.of(mission);
        Map<String, ProfileCard> candidates = new LinkedHashMap<>();
        for (String skillId : card.skillIds()) {
            for (ProfileCard profile : profiles.activeProfilesWithSkill(skillId)) {
                candidates.putIfAbsent(profile.id(), profile);
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<Matcher.Candidate> eligible = new ArrayList<>();
        for (ProfileCard profile : candidates.values()) {
            matcher.evaluate(card, profile, today)
                    .ifPresent(reasons -> eligible.add(new Matcher.Candidate(profile, reasons, null)));
        }
        eligible.sort(Matcher.RANKING);
        Instant now = Instant.now(clock);
        int recorded = 0;
        for (Matcher.Candidate candidate : eligible.subList(0, Math.min(maxMatchesPerMission, eligible.size()))) {
            if (matches.recordProposal(mission.id(), candidate.profile().id(), candidate.reasons(), now)) {
                recorded++;
            }
        }
        LOG.info("mission matched: {} read, {} eligible, {} new proposals", candidates.size(), eligible.size(), recorded);
        return recorded;
    }

    /** A profile became active or changed: its new matches among open missions, as one email. */
    public int profileActive(Profile profile) {
        ProfileCard card = ProfileCard.of(profile);
        Map<String, MissionCard> open = new LinkedHashMap<>();
        for (String skillId : card.skillIds()) {
            for (MissionCard mission : missions.openMissionsWithSkill(skillId)) {
                open.putIfAbsent(mission.id(), mission);
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<Map.Entry<MissionCard, MatchReasons>> fits = new ArrayList<>();
        for (MissionCard mission : open.values()) {
            Optional<MatchReasons> reasons = matcher.evaluate(mission, card, today);
            reasons.ifPresent(r -> fits.add(Map.entry(mission, r)));
        }
        fits.sort((a, b) -> Matcher.RANKING.compare(new Matcher.Candidate(card, a.getValue(), null),
                new Matcher.Candidate(card, b.getValue(), null)));
        Map<String, MatchReasons> byMission = new LinkedHashMap<>();
        for (var fit : fits.subList(0, Math.min(maxMatchesPerMission, fits.size()))) {
            byMission.put(fit.getKey().id(), fit.getValue());
        }
        List<String> recorded = byMission.isEmpty() ? List.of() : matches.recordDigest(profile.id(), byMission, Instant.now(clock));
        LOG.info("profile matched: {} open missions read, {} fit, {} new", open.size(), fits.size(), recorded.size());
        return recorded.size();
    }
}

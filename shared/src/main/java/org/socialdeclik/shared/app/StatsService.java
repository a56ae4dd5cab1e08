package org.socialdeclik.shared.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.domain.vocab.Vocabulary;
import org.socialdeclik.shared.ports.PlatformStats;

/**
 * The platform's pulse for the admins: counters kept from the table's stream (each change
 * counted once), read whole in one go. Verified freelancers are counted while verified (a profile
 * erased or changed takes its counts back); the time from publication to a mission's first
 * interest is kept as a histogram, from which the median is read (to the bucket's upper bound).
 */
public final class StatsService {
    /** Upper bounds (hours) of the buckets of the time to a first interest. */
    static final List<Integer> HOURS = List.of(1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720, 2160);
    private static final int TOP_SKILLS = 10;

    private final PlatformStats stats;
    private final Places places;

    public StatsService(PlatformStats stats, Places places) {
        this.stats = stats;
        this.places = places;
    }

    /** A mission's main item changed: {@code before} null for a new mission; {@code outcome} when it closed. */
    public void missionChanged(String recordId, MissionStatus before, MissionStatus now, String outcome) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        if (before == null) {
            amounts.put("missions#submitted", 1L);
        }
        if (now == MissionStatus.PUBLISHED && before != MissionStatus.PUBLISHED) {
            amounts.put("missions#published", 1L);
        }
        if (now == MissionStatus.CLOSED && before != MissionStatus.CLOSED) {
            amounts.put("missions#closed#" + (outcome == null ? "UNSPECIFIED" : outcome), 1L);
        }
        if (!amounts.isEmpty()) {
            stats.add(recordId, amounts, null, Map.of());
        }
    }

    /** A profile changed: each side is the profile while verified (ACTIVE), else null. */
    public void freelancerChanged(String recordId, Profile before, Profile now) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        contribute(amounts, before, -1);
        contribute(amounts, now, 1);
        amounts.values().removeIf(amount -> amount == 0);
        if (!amounts.isEmpty()) {
            stats.add(recordId, amounts, null, Map.of());
        }
    }

    private void contribute(Map<String, Long> amounts, Profile profile, long sign) {
        if (profile == null) {
            return;
        }
        amounts.merge("freelancers#verified", sign, Long::sum);
        places.department(profile.location().department()).ifPresent(department ->
                amounts.merge("freelancers#region#" + department.regionCode(), sign, Long::sum));
        for (String skillId : ProfileCard.of(profile).skillIds()) {
            if (Vocabulary.skills().byId(skillId).isPresent()) {
                amounts.merge("freelancers#skill#" + skillId, sign, Long::sum);
            }
        }
    }

    /** A proposal went out (a pair became PROPOSED). */
    public void proposalSent(String recordId) {
        stats.add(recordId, Map.of("proposals", 1L), null, Map.of());
    }

    /** A freelancer said they were interested; the mission's first interest also times its wait. */
    public void interest(String recordId, String missionId, Instant at) {
        Map<String, Long> first = new LinkedHashMap<>();
        first.put("missions#withInterest", 1L);
        stats.publishedAt(missionId).ifPresent(published -> first.put(bucket(Duration.between(published, at)), 1L));
        stats.add(recordId, Map.of("interests", 1L), missionId, first);
    }

    static String bucket(Duration wait) {
        long minutes = Math.max(0, wait.toMinutes());
        for (int hours : HOURS) {
            if (minutes <= hours * 60L) {
                return "firstInterest#le#" + String.format("%04d", hours);
            }
        }
        return "firstInterest#more";
    }

    /** The counts an admin asks about. */
    public record Stats(long submitted, long published, Map<String, Long> closedByOutcome, long verified,
                        List<Count> byRegion, List<Count> topSkills, long proposals, long interests, Double interestRate,
                        Integer medianHoursToFirstInterest, long missionsWithInterest) {}

    /** One line of a breakdown: its code, its name in French and English, its count. */
    public record Count(String code, String fr, String en, long count) {}

    public Stats read(AdminSession session) {
        Map<String, Long> c = stats.counters();
        Map<String, Long> closed = new LinkedHashMap<>();
        List<Count> regions = new ArrayList<>();
        List<Count> skills = new ArrayList<>();
        long firstTotal = 0;
        for (Map.Entry<String, Long> e : c.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("missions#closed#")) {
                closed.put(name.substring("missions#closed#".length()), e.getValue());
            } else if (name.startsWith("freelancers#region#") && e.getValue() > 0) {
                String code = name.substring("freelancers#region#".length());
                String label = places.region(code).map(r -> r.name()).orElse(code);
                regions.add(new Count(code, label, label, e.getValue()));
            } else if (name.startsWith("freelancers#skill#") && e.getValue() > 0) {
                String id = name.substring("freelancers#skill#".length());
                var term = Vocabulary.skills().byId(id);
                skills.add(new Count(id, term.map(t -> t.labelFr()).orElse(id), term.map(t -> t.labelEn()).orElse(id), e.getValue()));
            } else if (name.startsWith("firstInterest#")) {
                firstTotal += e.getValue();
            }
        }
        regions.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::code));
        skills.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::code));
        long proposals = c.getOrDefault("proposals", 0L);
        long interests = c.getOrDefault("interests", 0L);
        return new Stats(c.getOrDefault("missions#submitted", 0L), c.getOrDefault("missions#published", 0L), closed,
                c.getOrDefault("freelancers#verified", 0L), regions, skills.subList(0, Math.min(TOP_SKILLS, skills.size())),
                proposals, interests, proposals == 0 ? null : (double) interests / proposals, median(c, firstTotal),
                c.getOrDefault("missions#withInterest", 0L));
    }

    /** The upper bound (hours) of the bucket that holds the median wait; null with no interest or beyond the last bucket. */
    private static Integer median(Map<String, Long> c, long total) {
        if (total == 0) {
            return null;
        }
        long seen = 0;
        for (int hours : HOURS) {
            seen += c.getOrDefault("firstInterest#le#" + String.format("%04d", hours), 0L);
            if (seen * 2 >= total) {
                return hours;
            }
        }
        return null;
    }
}

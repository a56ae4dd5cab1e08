package org.socialdeclik.shared.domain.match;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.vocab.Department;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.domain.vocab.Vocabulary;

/** The rules of matching.md: who may be proposed a mission, and who first. */
public final class Matcher {
    private final Places places;

    public Matcher(Places places) {
        this.places = places;
    }

    /** The first rule a profile fails for a mission, in the order the rules are checked. */
    public enum Miss { DEADLINE, SKILLS, PLACE, PRO_BONO, PAY, TIME }

    /** The outcome for one profile: the reasons it fits, or the rule it failed. */
    public record Verdict(MatchReasons reasons, Miss miss) {
        static Verdict no(Miss miss) {
            return new Verdict(null, miss);
        }
    }

    /** A profile that may be proposed the mission, with the reasons, or empty. */
    public Optional<MatchReasons> evaluate(MissionCard mission, ProfileCard profile, LocalDate today) {
        return Optional.ofNullable(judge(mission, profile, today).reasons());
    }

    /** Like {@link #evaluate}, saying which rule kept the profile out when it does not fit. */
    public Verdict judge(MissionCard mission, ProfileCard profile, LocalDate today) {
        if (mission.applicationDeadline() != null && today.isAfter(mission.applicationDeadline())) {
            return Verdict.no(Miss.DEADLINE);
        }
        List<String> sharedSkills = new ArrayList<>();
        List<MatchReasons.Related> related = new ArrayList<>();
        for (String id : mission.skillIds()) {
            if (profile.skillIds().contains(id)) {
                sharedSkills.add(mission.wordFor(id));
            } else {
                // a narrower skill answers a broader request (Drupal for a CMS), never the reverse
                Vocabulary.skills().narrower(id).stream().filter(profile.skillIds()::contains).findFirst()
                        .ifPresent(narrower -> related.add(new MatchReasons.Related(narrower, id)));
            }
        }
        if (sharedSkills.isEmpty() && related.isEmpty()) {
            return Verdict.no(Miss.SKILLS);
        }
        Optional<PlaceFit> place = place(mission, profile);
        if (place.isEmpty()) {
            return Verdict.no(Miss.PLACE);
        }
        if (mission.proBono()) {
            if (!profile.proBono()) {
                return Verdict.no(Miss.PRO_BONO);
            }
        } else if (profile.minimumRate() != null && mission.dailyPay() < profile.minimumRate()) {
            return Verdict.no(Miss.PAY);
        }
        if (profile.availableFrom() != null && profile.availableFrom().isAfter(mission.startDate())) {
            return Verdict.no(Miss.TIME);
        }
        List<String> sharedCauses = new ArrayList<>();
        for (String id : mission.causeIds()) {
            if (profile.causeIds().contains(id)) {
                sharedCauses.add(mission.causeWordFor(id));
            }
        }
        return new Verdict(new MatchReasons(sharedSkills, mission.skillIds().size(), sharedCauses, place.get(),
                mission.department(), mission.dailyPay(), profile.minimumRate(), mission.proBono(), related), null);
    }

    private Optional<PlaceFit> place(MissionCard mission, ProfileCard profile) {
        if (mission.workMode() == WorkMode.REMOTE) {
            return profile.remote() ? Optional.of(PlaceFit.REMOTE) : Optional.empty();
        }
        if (mission.department() == null) {
            return Optional.empty();
        }
        if (mission.department().equals(profile.department())) {
            return Optional.of(PlaceFit.SAME_DEPARTMENT);
        }
        boolean sameRegion = sameRegion(mission.department(), profile.department());
        return switch (profile.mobility()) {
            case COUNTRY -> Optional.of(sameRegion ? PlaceFit.SAME_REGION : PlaceFit.COUNTRY);
            case REGION -> sameRegion ? Optional.of(PlaceFit.SAME_REGION) : Optional.empty();
            case DEPARTMENT -> Optional.empty();
        };
    }

    private boolean sameRegion(String a, String b) {
        Optional<Department> da = places.department(a);
        Optional<Department> db = places.department(b);
        return da.isPresent() && db.isPresent() && Objects.equals(da.get().regionCode(), db.get().regionCode());
    }

    /** A profile that may be proposed a mission, with when it was last proposed anything. */
    public record Candidate(ProfileCard profile, MatchReasons reasons, Instant lastProposedAt) {}

    /**
     * Best first: share of the mission's skills covered by the skills themselves, then by narrower
     * ones (so who has the skill asked comes before who has a kind of it), shared causes,
     * closeness of place, pay margin; ties go to whoever has waited longest since their last
     * proposal (never = longest).
     */
    public static final Comparator<Candidate> RANKING;

    /** How well a candidate fits, best first, before any tie-break (equal here means tied). */
    public static final Comparator<Candidate> FIT = Comparator
            .comparingDouble((Candidate c) -> c.reasons().skillShare()).reversed()
            .thenComparing(Comparator.comparingDouble((Candidate c) -> c.reasons().relatedShare()).reversed())
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.reasons().sharedCauses().size()).reversed())
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.reasons().place().closeness()).reversed())
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.reasons().payMargin()).reversed());

    /** Among tied candidates, whoever waited longest since their last proposal (never: first). */
    public static final Comparator<Candidate> WAITED_LONGEST = Comparator
            .comparing((Candidate c) -> c.lastProposedAt() == null ? Instant.MIN : c.lastProposedAt())
            .thenComparing(c -> c.profile().id());

    static {
        RANKING = FIT.thenComparing(WAITED_LONGEST);
    }
}

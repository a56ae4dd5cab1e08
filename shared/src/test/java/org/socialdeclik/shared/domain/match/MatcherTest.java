package org.socialdeclik.shared.domain.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialdeclik.shared.domain.Mobility;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.vocab.Places;

class MatcherTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    final Matcher matcher = new Matcher(Places.france());

    static MissionCard mission(WorkMode mode, String department, int dailyPay, boolean proBono, LocalDate start, LocalDate deadline) {
        return new MissionCard("m", "Site", List.of("WordPress", "UX"), List.of("wordpress", "ux-design"),
                List.of("environnement"), List.of("environnement"), department, mode, dailyPay, proBono, start, deadline);
    }

    static MissionCard remote() {
        return mission(WorkMode.REMOTE, null, 400, false, LocalDate.of(2027, 2, 1), null);
    }

    static ProfileCard profile(String department, Mobility mobility, boolean remote, Integer minimumRate, boolean proBono, LocalDate from) {
        return new ProfileCard("p", List.of("wordpress"), List.of(), department, mobility, remote, minimumRate, proBono, from, "fr");
    }

    static ProfileCard remoteProfile() {
        return profile("35", Mobility.DEPARTMENT, true, null, false, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            same département, département mobility  | ONSITE | 35 | 35 | DEPARTMENT | true  | SAME_DEPARTMENT
            next département, département mobility  | ONSITE | 29 | 35 | DEPARTMENT | false |
            same région, région mobility             | HYBRID | 29 | 35 | REGION     | true  | SAME_REGION
            other région, région mobility            | ONSITE | 13 | 35 | REGION     | false |
            other région, country mobility           | ONSITE | 13 | 35 | COUNTRY    | true  | COUNTRY
            Corsica 2A and 2B share a région         | ONSITE | 2B | 2A | REGION     | true  | SAME_REGION
            2A is not 2B for département mobility    | ONSITE | 2B | 2A | DEPARTMENT | false |
            overseas 974 is its own région           | ONSITE | 974 | 971 | REGION    | false |
            """)
    void place_follows_the_profiles_mobility(String name, WorkMode mode, String missionDepartment, String profileDepartment,
                                             Mobility mobility, boolean eligible, PlaceFit fit) {
        var result = matcher.evaluate(mission(mode, missionDepartment, 400, false, LocalDate.of(2027, 2, 1), null),
                profile(profileDepartment, mobility, false, null, false, null), TODAY);

        assertThat(result.isPresent()).isEqualTo(eligible);
        result.ifPresent(r -> assertThat(r.place()).isEqualTo(fit));
    }

    @Test
    void a_remote_mission_goes_only_to_profiles_open_to_remote() {
        assertThat(matcher.evaluate(remote(), remoteProfile(), TODAY)).get().extracting(MatchReasons::place).isEqualTo(PlaceFit.REMOTE);
        assertThat(matcher.evaluate(remote(), profile("35", Mobility.COUNTRY, false, null, false, null), TODAY)).isEmpty();
    }

    @ParameterizedTest(name = "pay {0}/day vs minimum {1}: {2}")
    @CsvSource({"400,400,true", "399,400,false", "401,400,true", "400,,true"})
    void pay_must_reach_the_minimum_rate_equal_included(int pay, Integer minimum, boolean eligible) {
        var mission = mission(WorkMode.REMOTE, null, pay, false, LocalDate.of(2027, 2, 1), null);

        assertThat(matcher.evaluate(mission, profile("35", Mobility.DEPARTMENT, true, minimum, false, null), TODAY).isPresent())
                .isEqualTo(eligible);
    }

    @Test
    void a_pro_bono_mission_goes_only_to_profiles_open_to_pro_bono() {
        var proBono = mission(WorkMode.REMOTE, null, 0, true, LocalDate.of(2027, 2, 1), null);

        assertThat(matcher.evaluate(proBono, profile("35", Mobility.DEPARTMENT, true, 300, true, null), TODAY)).isPresent();
        assertThat(matcher.evaluate(proBono, profile("35", Mobility.DEPARTMENT, true, null, false, null), TODAY)).isEmpty();
    }

    @ParameterizedTest(name = "available from {0}, start 2027-02-01: {1}")
    @CsvSource({"2027-02-01,true", "2027-02-02,false", "2027-01-31,true"})
    void availability_must_start_by_the_missions_start_same_day_included(LocalDate from, boolean eligible) {
        assertThat(matcher.evaluate(remote(), profile("35", Mobility.DEPARTMENT, true, null, false, from), TODAY).isPresent())
                .isEqualTo(eligible);
    }

    @ParameterizedTest(name = "deadline {0}, today 2026-11-27: {1}")
    @CsvSource({"2026-11-27,true", "2026-11-26,false"})
    void a_mission_past_its_deadline_goes_to_no_one(LocalDate deadline, boolean eligible) {
        var mission = mission(WorkMode.REMOTE, null, 400, false, LocalDate.of(2027, 2, 1), deadline);

        assertThat(matcher.evaluate(mission, remoteProfile(), TODAY).isPresent()).isEqualTo(eligible);
    }

    @Test
    void no_shared_skill_means_no_match_and_an_unknown_word_matches_only_itself() {
        var other = new ProfileCard("p", List.of("java"), List.of(), "35", Mobility.COUNTRY, true, null, false, null, "fr");
        var mission = new MissionCard("m", "t", List.of("Tricot"), List.of("x:tricot"), List.of(), List.of(), null,
                WorkMode.REMOTE, 400, false, LocalDate.of(2027, 2, 1), null);
        var knitter = new ProfileCard("k", List.of("x:tricot"), List.of(), "35", Mobility.COUNTRY, true, null, false, null, "fr");

        assertThat(matcher.evaluate(remote(), other, TODAY)).isEmpty();
        assertThat(matcher.evaluate(mission, knitter, TODAY)).get()
                .extracting(MatchReasons::sharedSkills).isEqualTo(List.of("Tricot"));
    }

    @Test
    void ranking_puts_skill_coverage_first_then_causes_place_pay_and_waiting_time() {
        MatchReasons base = new MatchReasons(List.of("WordPress"), 2, List.of(), PlaceFit.COUNTRY, "13", 400, 300, false);
        var covered = new Matcher.Candidate(card("covers-both"),
                new MatchReasons(List.of("WordPress", "UX"), 2, List.of(), PlaceFit.COUNTRY, "13", 400, 300, false), null);
        var cause = new Matcher.Candidate(card("shares-cause"),
                new MatchReasons(List.of("WordPress"), 2, List.of("environnement"), PlaceFit.COUNTRY, "13", 400, 300, false), null);
        var close = new Matcher.Candidate(card("closer"),
                new MatchReasons(List.of("WordPress"), 2, List.of(), PlaceFit.SAME_REGION, "13", 400, 300, false), null);
        var margin = new Matcher.Candidate(card("more-margin"),
                new MatchReasons(List.of("WordPress"), 2, List.of(), PlaceFit.COUNTRY, "13", 400, 100, false), null);
        var waitedLong = new Matcher.Candidate(card("waited-long"), base, Instant.parse("2026-01-01T00:00:00Z"));
        var recent = new Matcher.Candidate(card("recent"), base, Instant.parse("2026-11-20T00:00:00Z"));
        var never = new Matcher.Candidate(card("never"), base, null);

        List<Matcher.Candidate> all = new ArrayList<>(List.of(recent, waitedLong, margin, never, close, cause, covered));
        all.sort(Matcher.RANKING);

        assertThat(all).extracting(c -> c.profile().id())
                .containsExactly("covers-both", "shares-cause", "closer", "more-margin", "never", "waited-long", "recent");
    }

    private static ProfileCard card(String id) {
        return new ProfileCard(id, List.of("wordpress"), List.of(), "35", Mobility.COUNTRY, true, null, false, null, "fr");
    }
}

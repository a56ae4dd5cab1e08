package org.socialdeclik.shared.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.InMemoryStore;

/**
 * WEEKLY freelancers on the ports' in-memory fakes: proposals wait for Monday 08:00 (Paris), go
 * out as one digest without the missions closed meanwhile, within the weekly cap, never twice.
 * {@code WeeklyDigestIT} (functions/matching) and {@code WeeklyDigestEndToEndIT} (local) run the
 * same on the table in the emulator.
 */
class WeeklyDigestTest {
    /** A Wednesday; its digest is Monday 14 December 2026, 08:00 in Paris (07:00 UTC). */
    static final Instant WEDNESDAY = Instant.parse("2026-12-09T10:00:00Z");
    static final Instant DIGEST = Instant.parse("2026-12-14T07:00:00Z");

    final InMemoryStore store = new InMemoryStore();

    MatchingService at(Instant now, int perWeek) {
        return new MatchingService(store, store, store, new Matcher(Places.france()), Clock.fixed(now, ZoneOffset.UTC), 25, perWeek);
    }

    Profile active(String id, String frequency) {
        return MatchingServiceTest.active(store, id, Bodies.profile(id + "@example.org").put("proposalFrequency", frequency), WEDNESDAY);
    }

    Mission published(String id) {
        return MatchingServiceTest.published(store, id, WEDNESDAY);
    }

    List<OutboxEntry> digests() {
        return store.emails().stream().filter(e -> e.kind() == OutboxEntry.Kind.DIGEST).toList();
    }

    @Test
    void a_weekly_freelancer_hears_on_monday_in_one_digest_without_the_mission_closed_meanwhile() {
        active("p-weekly", "WEEKLY");
        active("p-now", "IMMEDIATE");
        for (String id : List.of("m-a", "m-b", "m-c")) {
            MatchingService.Outcome outcome = at(WEDNESDAY, 5).missionPublished(published(id));
            assertThat(outcome.proposed()).as("the IMMEDIATE freelancer at once").isEqualTo(1);
            assertThat(outcome.deferred()).as("the WEEKLY one waits").isEqualTo(1);
        }
        assertThat(store.emails()).filteredOn(e -> e.kind() == OutboxEntry.Kind.PROPOSAL)
                .extracting(OutboxEntry::id).containsExactly("PROPOSAL#m-a#p-now", "PROPOSAL#m-b#p-now", "PROPOSAL#m-c#p-now");
        store.close("m-b", MissionOutcome.CANCELLED, WEDNESDAY.plus(Duration.ofDays(2)), List.of());

        assertThat(at(DIGEST.minusSeconds(1), 5).releaseWeekly().proposed()).as("not before Monday 08:00").isZero();
        assertThat(digests()).isEmpty();

        MatchingService.Outcome monday = at(DIGEST, 5).releaseWeekly();

        assertThat(monday.proposed()).isEqualTo(2);
        assertThat(digests()).singleElement().satisfies(digest -> {
            assertThat(digest.refs()).containsEntry("profileId", "p-weekly");
            assertThat(digest.refs().get("missionIds").split(",")).containsExactlyInAnyOrder("m-a", "m-c");
        });
        assertThat(store.reasons("m-a", "p-weekly")).as("the reasons travel with the pair").isPresent();
        // the next Monday, nothing waits: no digest; the pairs are never proposed again
        assertThat(at(DIGEST.plus(Duration.ofDays(7)), 5).releaseWeekly().read()).isZero();
        assertThat(at(DIGEST.plus(Duration.ofDays(7)), 5).profileActive(store.findProfile("p-weekly").orElseThrow().profile()).deferred()).isZero();
        assertThat(digests()).hasSize(1);
    }

    @Test
    void the_weekly_cap_holds_in_the_digest_and_the_rest_waits_for_the_next_monday() {
        active("p-capped", "WEEKLY");
        for (int i = 0; i < 5; i++) {
            at(WEDNESDAY, 3).missionPublished(published("m-" + i));
        }

        assertThat(at(DIGEST.plusSeconds(30), 3).releaseWeekly().proposed()).isEqualTo(3);
        // a rerun the same morning (the hourly schedule after the Monday one) sends nothing more
        assertThat(at(DIGEST.plus(Duration.ofMinutes(40)), 3).releaseWeekly().proposed()).isZero();
        // next Monday a few seconds earlier in the hour: last Monday's three have left the window
        assertThat(at(DIGEST.plus(Duration.ofDays(7)), 3).releaseWeekly().proposed()).isEqualTo(2);

        assertThat(digests()).hasSize(2);
        assertThat(digests()).flatExtracting(d -> List.of(d.refs().get("missionIds").split(",")))
                .containsExactlyInAnyOrder("m-0", "m-1", "m-2", "m-3", "m-4");
    }

    @Test
    void a_weekly_profile_that_becomes_active_or_changes_waits_for_monday_too() {
        published("m-open");
        MatchingService.Outcome outcome = at(WEDNESDAY, 5).profileActive(active("p-edited", "WEEKLY"));

        assertThat(outcome.proposed()).isZero();
        assertThat(outcome.deferred()).isEqualTo(1);
        assertThat(store.emails()).noneMatch(e -> e.kind() == OutboxEntry.Kind.DIGEST || e.kind() == OutboxEntry.Kind.PROPOSAL);
        assertThat(at(DIGEST, 5).releaseWeekly().proposed()).isEqualTo(1);
    }

    @Test
    void nothing_is_sent_to_a_weekly_freelancer_who_unsubscribed_meanwhile() {
        active("p-gone", "WEEKLY");
        at(WEDNESDAY, 5).missionPublished(published("m-gone"));
        store.unsubscribe("p-gone", WEDNESDAY.plusSeconds(60));

        assertThat(at(DIGEST, 5).releaseWeekly().proposed()).isZero();
        assertThat(digests()).isEmpty();
        assertThat(store.waitingPairs(DIGEST.plus(Duration.ofDays(7)), 3)).isEmpty();
    }

    @Test
    void a_weekly_freelancer_paused_meanwhile_gets_no_digest_and_the_mission_comes_back_when_they_resume() {
        active("p-paused", "WEEKLY");
        at(WEDNESDAY, 5).missionPublished(published("m-held"));
        store.pause("p-paused", new StoredProfile.Pause(null), WEDNESDAY.plusSeconds(60));

        assertThat(at(DIGEST, 5).releaseWeekly().proposed()).isZero();
        assertThat(digests()).isEmpty();
        assertThat(store.waitingPairs(DIGEST.plus(Duration.ofDays(7)), 3)).isEmpty();
        // resumed: matched as an edited profile, the mission waits for the next Monday again
        store.pause("p-paused", null, DIGEST.plus(Duration.ofDays(1)));
        MatchingService.Outcome resumed = at(DIGEST.plus(Duration.ofDays(1)), 5)
                .profileActive(store.findProfile("p-paused").orElseThrow().profile());
        assertThat(resumed.deferred()).isEqualTo(1);
        assertThat(at(DIGEST.plus(Duration.ofDays(7)), 5).releaseWeekly().proposed()).isEqualTo(1);
    }
}

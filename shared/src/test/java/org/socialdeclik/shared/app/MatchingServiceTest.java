package org.socialdeclik.shared.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.match.PlaceFit;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.InMemoryStore;

/**
 * The matching rules on the ports' in-memory fakes, in milliseconds: the weekly cap defers (never
 * drops), deferred pairs are released, postponed or dropped. {@code MatchingLimitsIT} runs the
 * same service on the table in the emulator.
 */
class MatchingServiceTest {
    static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    static final MatchReasons EARLIER = new MatchReasons(List.of("WordPress"), 1, List.of(), PlaceFit.REMOTE, null, 500, null, false);

    final InMemoryStore store = new InMemoryStore();

    MatchingService at(Instant now, int perWeek) {
        return new MatchingService(store, store, store, new Matcher(Places.france()), Clock.fixed(now, ZoneOffset.UTC), 25, perWeek);
    }

    Profile active(String id) {
        return active(store, id, Bodies.profile(id + "@example.org"), MONDAY);
    }

    /** A profile of this body, registered and confirmed at {@code at}. */
    static Profile active(InMemoryStore store, String id, com.fasterxml.jackson.databind.node.ObjectNode body, Instant at) {
        Profile profile = Requests.profile(id, null, body, Messages.forLocale("fr"), Clock.systemUTC());
        store.register(profile, "nonce", at, new OutboxEntry("VERIFY#" + id, OutboxEntry.Kind.VERIFY, java.util.Map.of("profileId", id)));
        store.activate(id, "nonce", at);
        return profile;
    }

    Mission published(String id) {
        return published(store, id, MONDAY);
    }

    /** The sample mission, published at {@code at}. */
    static Mission published(InMemoryStore store, String id, Instant at) {
        Mission mission = Requests.mission(id, Bodies.mission(), Messages.forLocale("fr"), Clock.fixed(at, ZoneOffset.UTC));
        store.submit(mission, MissionStatus.PUBLISHED, at, List.of());
        return mission;
    }

    /** The freelancer's window holds {@code count} proposals, made {@code daysAgo} days before Monday. */
    void proposedBefore(String profileId, int count, int daysAgo) {
        for (int i = 0; i < count; i++) {
            store.recordProposal("m-before-" + i, profileId, EARLIER, MONDAY.minus(Duration.ofDays(daysAgo)).plusSeconds(i));
        }
    }

    @Test
    void the_weekly_cap_proposes_at_once_with_room_and_defers_until_the_oldest_leaves_a_full_window() {
        active("p-free");
        proposedBefore("p-free", 2, 3);
        active("p-full");
        proposedBefore("p-full", 3, 3);

        MatchingService.Outcome outcome = at(MONDAY, 3).missionPublished(published("m-one"));

        assertThat(outcome.proposed()).isEqualTo(1);
        assertThat(outcome.deferred()).isEqualTo(1);
        assertThat(store.findEmail("PROPOSAL#m-one#p-free")).isPresent();
        assertThat(store.findEmail("PROPOSAL#m-one#p-full")).isEmpty();
        assertThat(store.duePairs(MONDAY.plus(Duration.ofDays(4)), 8))
                .containsExactly(new MatchRepository.DuePair("m-one", "p-full", MONDAY.plus(Duration.ofDays(4))));
    }

    @Test
    void a_deferred_proposal_is_sent_once_its_time_comes_and_only_once() {
        active("p-wait");
        proposedBefore("p-wait", 3, 3);
        at(MONDAY, 3).missionPublished(published("m-wait"));

        assertThat(at(MONDAY.plus(Duration.ofDays(3)), 3).releaseDeferred().proposed()).isZero();
        assertThat(at(MONDAY.plus(Duration.ofDays(4)), 3).releaseDeferred().proposed()).isEqualTo(1);
        assertThat(at(MONDAY.plus(Duration.ofDays(5)), 3).releaseDeferred().proposed()).isZero();
        assertThat(store.emails()).filteredOn(e -> e.id().equals("PROPOSAL#m-wait#p-wait")).hasSize(1);
    }

    @Test
    void a_window_filled_again_meanwhile_postpones_the_deferred_proposal() {
        active("p-busy");
        proposedBefore("p-busy", 3, 3);
        at(MONDAY, 3).missionPublished(published("m-postponed"));
        // three more proposals the day the window frees: it is full again
        for (int i = 0; i < 3; i++) {
            store.recordProposal("m-meanwhile-" + i, "p-busy", EARLIER, MONDAY.plus(Duration.ofDays(4)).plusSeconds(i));
        }

        MatchingService.Outcome release = at(MONDAY.plus(Duration.ofDays(4)).plusSeconds(10), 3).releaseDeferred();

        assertThat(release.deferred()).isEqualTo(1);
        assertThat(release.proposed()).isZero();
        assertThat(store.duePairs(MONDAY.plus(Duration.ofDays(11)), 8)).extracting(MatchRepository.DuePair::dueAt)
                .containsExactly(MONDAY.plus(Duration.ofDays(11)));
    }

    @Test
    void a_deferred_proposal_to_someone_who_unsubscribed_is_dropped_without_email() {
        active("p-gone");
        proposedBefore("p-gone", 3, 3);
        at(MONDAY, 3).missionPublished(published("m-dropped"));
        store.unsubscribe("p-gone", MONDAY.plusSeconds(60));

        MatchingService.Outcome release = at(MONDAY.plus(Duration.ofDays(4)), 3).releaseDeferred();

        assertThat(release.proposed()).isZero();
        assertThat(store.findEmail("PROPOSAL#m-dropped#p-gone")).isEmpty();
        assertThat(store.duePairs(MONDAY.plus(Duration.ofDays(8)), 8)).isEmpty();
    }

    @Test
    void a_deferred_proposal_to_someone_paused_is_forgotten_and_comes_back_in_the_one_email_when_they_resume() {
        active("p-away");
        proposedBefore("p-away", 3, 3);
        at(MONDAY, 3).missionPublished(published("m-while-away"));
        store.pause("p-away", new StoredProfile.Pause(null), MONDAY.plusSeconds(60));

        MatchingService.Outcome release = at(MONDAY.plus(Duration.ofDays(4)), 3).releaseDeferred();

        assertThat(release.proposed()).isZero();
        assertThat(store.findEmail("PROPOSAL#m-while-away#p-away")).isEmpty();
        assertThat(store.duePairs(MONDAY.plus(Duration.ofDays(8)), 8)).isEmpty();
        // resumed: matched as an edited profile, the mission is in its one email
        MatchingService.Outcome resumed = at(MONDAY.plus(Duration.ofDays(8)), 3)
                .profileActive(store.findProfile("p-away").orElseThrow().profile());
        assertThat(resumed.proposed()).isEqualTo(1);
        assertThat(store.findEmail(OutboxEntry.digest("p-away", List.of("m-while-away")).id())).isPresent();
    }

    @Test
    void a_new_profile_gets_its_weekly_room_in_one_digest_and_the_rest_a_week_later() {
        for (int i = 0; i < 4; i++) {
            published("m-open-" + i);
        }

        MatchingService.Outcome outcome = at(MONDAY, 3).profileActive(active("p-new"));

        assertThat(outcome.proposed()).isEqualTo(3);
        assertThat(outcome.deferred()).isEqualTo(1);
        assertThat(store.emails()).filteredOn(e -> e.kind() == OutboxEntry.Kind.DIGEST).singleElement()
                .satisfies(digest -> assertThat(digest.refs().get("missionIds").split(",")).hasSize(3));
        assertThat(store.duePairs(MONDAY.plus(Duration.ofDays(7)), 8)).extracting(MatchRepository.DuePair::dueAt)
                .containsExactly(MONDAY.plus(Duration.ofDays(7)));
    }

    @Test
    void a_mission_with_enough_interest_is_proposed_to_no_one_more_by_any_path() {
        java.util.Map<String, Integer> interested = new java.util.HashMap<>();
        MatchingService targeted = new MatchingService(store, store, store, new Matcher(Places.france()),
                Clock.fixed(MONDAY, ZoneOffset.UTC), 25, 3, id -> interested.getOrDefault(id, 0), 2);
        active("p-late");
        proposedBefore("p-late", 3, 3);
        targeted.missionPublished(published("m-popular"));
        assertThat(store.duePairs(MONDAY.plus(Duration.ofDays(4)), 8)).hasSize(1);
        interested.put("m-popular", 2);
        published("m-full");
        interested.put("m-full", 2);

        assertThat(targeted.enoughInterest("m-popular")).isTrue();
        assertThat(targeted.missionPublished(store.findMission("m-full").orElseThrow().mission()).proposed()).isZero();
        MatchingService later = new MatchingService(store, store, store, new Matcher(Places.france()),
                Clock.fixed(MONDAY.plus(Duration.ofDays(4)), ZoneOffset.UTC), 25, 3, id -> interested.getOrDefault(id, 0), 2);
        assertThat(later.releaseDeferred().proposed()).isZero();
        assertThat(later.profileActive(active("p-new")).proposed()).isZero();
        assertThat(store.emails()).noneMatch(e -> e.id().startsWith("PROPOSAL#m-popular") || e.id().startsWith("PROPOSAL#m-full")
                || e.kind() == OutboxEntry.Kind.DIGEST);
        interested.put("m-full", 1);
        assertThat(later.profileActive(active("p-newer")).proposed()).isEqualTo(1);
    }
}

package org.socialdeclik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.app.MatchingService;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.testing.Emulator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * WEEKLY freelancers on the table in the emulator: their pairs wait in the Monday's {@code DUE#}
 * partition (never released by the hourly run), go out as one digest per Monday within the
 * weekly cap, the rest moved to the next Monday, a closed mission dropped, never twice.
 */
class WeeklyDigestIT {
    /** A Wednesday; its digest: Monday 14 December 2026, 08:00 in Paris, 07:00 UTC. */
    static final Instant WEDNESDAY = Instant.parse("2026-12-09T10:00:00Z");
    static final Instant MONDAY = Instant.parse("2026-12-14T07:00:00Z");

    Emulator stack;

    @BeforeEach
    void freshStack() {
        stack = Emulator.start();
    }

    MatchingService at(Instant now) {
        return new MatchingService(stack.store().profiles(), stack.store().missions(), stack.store().matches(),
                new Matcher(Places.france()), Clock.fixed(now, ZoneOffset.UTC), 25, 3);
    }

    String weeklyProfile() {
        return MatchingLimitsIT.activeProfile(stack, WEDNESDAY, body -> body.put("proposalFrequency", "WEEKLY"));
    }

    Mission published(String id) {
        return MatchingLimitsIT.publishedMission(stack, id, WEDNESDAY);
    }

    List<Map<String, AttributeValue>> outbox(String kind) {
        return stack.items("OUTBOX").stream().filter(i -> i.get("kind").s().equals(kind)).toList();
    }

    List<String> digestMissions() {
        return outbox("DIGEST").stream().flatMap(i -> List.of(i.get("refs").m().get("missionIds").s().split(",")).stream()).toList();
    }

    @Test
    void the_pairs_wait_for_monday_go_out_within_the_cap_and_the_rest_the_next_monday_without_the_closed_mission() {
        String profile = weeklyProfile();
        for (int i = 0; i < 5; i++) {
            assertThat(at(WEDNESDAY).missionPublished(published("m-" + i)).deferred()).isEqualTo(1);
        }
        assertThat(outbox("PROPOSAL")).isEmpty();
        assertThat(stack.items("DUE")).hasSize(5).allSatisfy(due -> {
            assertThat(due.get("pk").s()).isEqualTo("DUE#2026-12-14");
            assertThat(due.get("sk").s()).startsWith("WEEKLY#" + profile + "#");
        });
        // the hourly run never releases them, even once their Monday has come
        assertThat(at(MONDAY.plus(Duration.ofDays(1))).releaseDeferred().read()).isZero();
        assertThat(at(MONDAY.minusSeconds(60)).releaseWeekly().read()).isZero();

        MatchingService.Outcome monday = at(MONDAY.plusSeconds(20)).releaseWeekly();

        assertThat(monday.proposed()).isEqualTo(3);
        assertThat(monday.deferred()).isEqualTo(2);
        assertThat(outbox("DIGEST")).singleElement().satisfies(d -> assertThat(d.get("refs").m().get("profileId").s()).isEqualTo(profile));
        assertThat(stack.items("PROPOSED")).hasSize(3);
        assertThat(stack.items("DUE")).hasSize(2).allSatisfy(due -> assertThat(due.get("pk").s()).isEqualTo("DUE#2026-12-21"));
        // the hourly run the same morning sends nothing more
        assertThat(at(MONDAY.plus(Duration.ofMinutes(50))).releaseWeekly().proposed()).isZero();
        assertThat(outbox("DIGEST")).hasSize(1);

        // one of the two left closes during the week; the next Monday, a few seconds earlier in the hour
        List<String> left = stack.items("DUE").stream().map(due -> due.get("missionId").s()).sorted().toList();
        stack.store().missions().close(left.get(0), MissionOutcome.CANCELLED, MONDAY.plus(Duration.ofDays(2)), List.of());
        MatchingService.Outcome next = at(MONDAY.plus(Duration.ofDays(7))).releaseWeekly();

        assertThat(next.proposed()).isEqualTo(1);
        assertThat(outbox("DIGEST")).hasSize(2);
        assertThat(digestMissions()).hasSize(4).doesNotHaveDuplicates().doesNotContain(left.get(0)).contains(left.get(1));
        assertThat(stack.items("DUE")).isEmpty();
        assertThat(stack.items("MATCH")).filteredOn(m -> m.get("missionId").s().equals(left.get(0)))
                .singleElement().satisfies(m -> assertThat(m.get("state").s()).isEqualTo("DROPPED"));
        // a Monday with nothing waiting: no email
        assertThat(at(MONDAY.plus(Duration.ofDays(14))).releaseWeekly().read()).isZero();
        assertThat(outbox("DIGEST")).hasSize(2);
    }

    @Test
    void two_runs_on_the_same_pairs_send_one_digest() {
        String profile = weeklyProfile();
        at(WEDNESDAY).missionPublished(published("m-race"));
        var pairs = stack.store().matches().waitingPairs(MONDAY, 3);

        assertThat(stack.store().matches().promoteToDigest(profile, pairs, MONDAY)).containsExactly("m-race");
        assertThat(stack.store().matches().promoteToDigest(profile, pairs, MONDAY.plusSeconds(1))).isEmpty();
        assertThat(outbox("DIGEST")).hasSize(1);
    }
}

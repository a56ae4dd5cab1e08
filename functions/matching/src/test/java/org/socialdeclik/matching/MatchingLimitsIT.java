package org.socialdeclik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.MatchingService;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.match.PlaceFit;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;

/** The per-mission limit, the weekly cap that defers, and the release of deferred proposals. */
class MatchingLimitsIT {
    static final Messages FR = Messages.forLocale("fr");
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final MatchReasons SOME_REASONS = new MatchReasons(List.of("WordPress"), 1, List.of(), PlaceFit.REMOTE, null, 500, null, false);

    Emulator stack;

    @BeforeEach
    void freshStack() {
        stack = Emulator.start();
    }

    MatchingService service(Instant at, int maxPerMission, int maxPerWeek) {
        return new MatchingService(stack.store().profiles(), stack.store().missions(), stack.store().matches(), new Matcher(Places.france()),
                Clock.fixed(at, ZoneOffset.UTC), maxPerMission, maxPerWeek);
    }

    String activeProfile(Consumer<ObjectNode> change) {
        return activeProfile(stack, NOW, change);
    }

    /** A profile of the sample body as {@code change} makes it, registered and confirmed at {@code at}; its id. */
    static String activeProfile(Emulator stack, Instant at, Consumer<ObjectNode> change) {
        String id = "p-" + UUID.randomUUID();
        ObjectNode body = Bodies.profile(id + "@example.org");
        change.accept(body);
        stack.store().profiles().register(Requests.profile(id, null, body, FR, Clock.systemUTC()), "n", at,
                new OutboxEntry("VERIFY#" + id, OutboxEntry.Kind.VERIFY, Map.of("profileId", id)));
        stack.store().profiles().activate(id, "n", at);
        return id;
    }

    Mission publishedMission(String id) {
        return publishedMission(stack, id, NOW);
    }

    /** The sample mission, published at {@code at}. */
    static Mission publishedMission(Emulator stack, String id, Instant at) {
        Mission mission = Requests.mission(id, Bodies.mission(), FR, Clock.fixed(at, ZoneOffset.UTC));
        stack.store().missions().submit(mission, MissionStatus.PUBLISHED, at, List.of());
        return mission;
    }

    List<String> proposalEmails() {
        return stack.items("OUTBOX").stream().filter(i -> i.get("kind").s().equals("PROPOSAL"))
                .map(i -> i.get("refs").m().get("profileId").s()).toList();
    }

    @Test
    void a_mission_goes_to_at_most_the_limit_best_first() {
        String both = activeProfile(p -> p.putArray("skills").add("WordPress").add("UX design"));
        String cause = activeProfile(p -> p.putArray("skills").add("WordPress"));
        String plain = activeProfile(p -> p.putArray("skills").add("WordPress").add("Java"));

        MatchingService.Outcome outcome = service(NOW, 2, 5).missionPublished(publishedMission("m-limit"));

        assertThat(outcome.eligible()).isEqualTo(3);
        assertThat(outcome.proposed()).isEqualTo(2);
        assertThat(proposalEmails()).containsExactlyInAnyOrder(both, cause.compareTo(plain) < 0 ? cause : plain);
    }

    @Test
    void over_the_weekly_cap_a_match_is_deferred_then_proposed_when_the_window_frees() {
        String busy = activeProfile(p -> {});
        for (int i = 0; i < 5; i++) {
            stack.store().matches().recordProposal("m-old-" + i, busy, SOME_REASONS, NOW.minus(Duration.ofDays(6)).plusSeconds(i));
        }

        MatchingService.Outcome outcome = service(NOW, 25, 5).missionPublished(publishedMission("m-new"));

        assertThat(outcome.deferred()).isEqualTo(1);
        assertThat(outcome.proposed()).isZero();
        assertThat(proposalEmails()).doesNotContain("m-new").hasSize(5);
        var match = stack.items("MATCH").stream().filter(i -> i.get("missionId").s().equals("m-new")).findFirst().orElseThrow();
        assertThat(match.get("state").s()).isEqualTo("DEFERRED");

        MatchingService.Outcome tooEarly = service(NOW.plus(Duration.ofHours(1)), 25, 5).releaseDeferred();
        MatchingService.Outcome released = service(NOW.plus(Duration.ofDays(1)), 25, 5).releaseDeferred();

        assertThat(tooEarly.proposed()).isZero();
        assertThat(released.proposed()).isEqualTo(1);
        assertThat(stack.store().outbox().findEmail("PROPOSAL#m-new#" + busy)).isPresent();
        assertThat(service(NOW.plus(Duration.ofDays(2)), 25, 5).releaseDeferred().proposed()).isZero();
    }

    @Test
    void a_deferred_match_of_a_mission_closed_meanwhile_is_dropped_without_email() {
        String busy = activeProfile(p -> {});
        for (int i = 0; i < 5; i++) {
            stack.store().matches().recordProposal("m-old-" + i, busy, SOME_REASONS, NOW.minus(Duration.ofDays(6)));
        }
        service(NOW, 25, 5).missionPublished(publishedMission("m-closing"));
        stack.store().missions().close("m-closing", null, NOW.plusSeconds(60), java.util.List.of());

        service(NOW.plus(Duration.ofDays(1)), 25, 5).releaseDeferred();

        assertThat(stack.store().outbox().findEmail("PROPOSAL#m-closing#" + busy)).isEmpty();
        assertThat(stack.items("DUE")).isEmpty();
    }

    @Test
    void a_new_profile_gets_at_most_its_weekly_room_in_the_digest_and_the_rest_later() {
        for (int i = 0; i < 7; i++) {
            publishedMission("m-open-" + i);
        }
        String id = activeProfile(p -> {});
        var profile = stack.store().profiles().findProfile(id).orElseThrow().profile();

        MatchingService.Outcome outcome = service(NOW, 25, 5).profileActive(profile);

        assertThat(outcome.proposed()).isEqualTo(5);
        assertThat(outcome.deferred()).isEqualTo(2);
        var digest = stack.items("OUTBOX").stream().filter(i -> i.get("kind").s().equals("DIGEST")).toList();
        assertThat(digest).hasSize(1);
        assertThat(digest.get(0).get("refs").m().get("missionIds").s().split(",")).hasSize(5);
    }

    @Test
    void among_equally_fitting_candidates_the_one_who_waited_longest_goes_first() {
        String recent = activeProfile(p -> {});
        String longAgo = activeProfile(p -> {});
        String never = activeProfile(p -> {});
        stack.store().matches().recordProposal("m-a", recent, SOME_REASONS, NOW.minus(Duration.ofDays(1)));
        stack.store().matches().recordProposal("m-b", longAgo, SOME_REASONS, NOW.minus(Duration.ofDays(6)));

        MatchingService.Outcome outcome = service(NOW, 2, 5).missionPublished(publishedMission("m-fair"));

        assertThat(outcome.proposed()).isEqualTo(2);
        assertThat(stack.store().outbox().findEmail("PROPOSAL#m-fair#" + never)).isPresent();
        assertThat(stack.store().outbox().findEmail("PROPOSAL#m-fair#" + longAgo)).isPresent();
        assertThat(stack.store().outbox().findEmail("PROPOSAL#m-fair#" + recent)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @com.amazonaws.services.lambda.runtime.tests.annotations.Event(value = "events/deferred/hourly.json",
            type = com.amazonaws.services.lambda.runtime.events.ScheduledEvent.class)
    void the_scheduled_handler_built_from_its_environment_releases_due_proposals(
            com.amazonaws.services.lambda.runtime.events.ScheduledEvent event) {
        Instant now = Instant.now();
        String busy = activeProfile(p -> {});
        // five proposals just over seven days before now, but within the window two hours ago
        for (int i = 0; i < 5; i++) {
            stack.store().matches().recordProposal("m-old-" + i, busy, SOME_REASONS, now.minus(Duration.ofDays(7)).minus(Duration.ofHours(1)));
        }
        MatchingService.Outcome twoHoursAgo = service(now.minus(Duration.ofHours(2)), 25, 5)
                .missionPublished(publishedMission("m-waiting"));
        assertThat(twoHoursAgo.deferred()).isEqualTo(1);

        String answer = new DeferredProposalsHandler(stack.env()).handleRequest(event, null);

        assertThat(answer).isEqualTo("proposed 1, postponed 0; weekly digests: 0 proposed, 0 for next Monday");
        assertThat(stack.store().outbox().findEmail("PROPOSAL#m-waiting#" + busy)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void as_lambda_calls_it_the_scheduled_handler_runs_whatever_the_scheduler_sends() throws Exception {
        DeferredProposalsHandler handler = new DeferredProposalsHandler(stack.env());
        byte[] sample;
        try (var in = MatchingLimitsIT.class.getClassLoader().getResourceAsStream("events/deferred/hourly.json")) {
            sample = in.readAllBytes();
        }
        for (byte[] payload : java.util.List.of(sample, new byte[0], "{}".getBytes())) {
            var out = new java.io.ByteArrayOutputStream();

            handler.handleRequest(new java.io.ByteArrayInputStream(payload), out, null);

            assertThat(org.socialdeclik.shared.Json.parse(out.toByteArray()).asText())
                    .matches("proposed \\d+, postponed \\d+; weekly digests: \\d+ proposed, \\d+ for next Monday");
        }
    }
}

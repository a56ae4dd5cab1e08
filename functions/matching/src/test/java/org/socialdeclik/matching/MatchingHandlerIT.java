package org.socialdeclik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.aws.StoredJson;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.MatchingSummary;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;

/** Matching from real-shaped stream records against the emulator's index items. */
class MatchingHandlerIT {
    static Emulator stack;
    static MatchingHandler handler;
    static final Messages FR = Messages.forLocale("fr");

    @BeforeAll
    static void start() {
        stack = Emulator.start();
        handler = new MatchingHandler(stack.env());
        // candidates for mission m-demo-1 (remote, WordPress + UX design, 500 EUR a day)
        activeProfile("p-fit", p -> {});
        activeProfile("p-too-dear", p -> p.put("minimumRate", 600).put("dailyRate", 700));
        activeProfile("p-not-remote", p -> p.put("remote", false));
        activeProfile("p-other-skill", p -> p.putArray("skills").removeAll().add("Java"));
        pendingProfile("p-pending");
        // open missions for profile p-demo-1 (WordPress, from 35, mobility REGION, remote)
        publishedMission("m-remote", m -> {});
        publishedMission("m-brest", m -> m.put("workMode", "ONSITE").putObject("location").put("department", "29"));
        publishedMission("m-marseille", m -> m.put("workMode", "ONSITE").putObject("location").put("department", "13"));
        publishedMission("m-cheap", m -> m.put("budget", 600));
    }

    interface Change<T> {
        void apply(T t);
    }

    static Profile profile(String id, Change<ObjectNode> change) {
        ObjectNode body = Bodies.profile(id + "@example.org");
        change.apply(body);
        return Requests.profile(id, null, body, FR, Clock.systemUTC());
    }

    static void activeProfile(String id, Change<ObjectNode> change) {
        pendingProfile(id, change);
        stack.store().profiles().activate(id, "nonce-" + id, Instant.now());
    }

    static void pendingProfile(String id) {
        pendingProfile(id, p -> {});
    }

    static void pendingProfile(String id, Change<ObjectNode> change) {
        stack.store().profiles().register(profile(id, change), "nonce-" + id, Instant.now(),
                new OutboxEntry("VERIFY#" + id, OutboxEntry.Kind.VERIFY, Map.of("profileId", id)));
    }

    static void publishedMission(String id, Change<ObjectNode> change) {
        ObjectNode body = Bodies.mission();
        change.apply(body);
        Mission mission = Requests.mission(id, body, FR, Clock.systemUTC());
        stack.store().missions().submit(mission, MissionStatus.PUBLISHED, Instant.now(), java.util.List.of());
    }

    static Set<String> matchedProfiles(String missionId) {
        return stack.items("MATCH").stream().filter(i -> i.get("missionId").s().equals(missionId))
                .map(i -> i.get("profileId").s()).collect(Collectors.toSet());
    }

    static Set<String> matchedMissions(String profileId) {
        return stack.items("MATCH").stream().filter(i -> i.get("profileId").s().equals(profileId))
                .map(i -> i.get("missionId").s()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @Event(value = "events/matching/mission-published.json", type = DynamodbEvent.class)
    void a_published_mission_is_proposed_once_to_the_active_profiles_that_fit(DynamodbEvent event) {
        StreamsEventResponse first = handler.handleRequest(event, null);
        StreamsEventResponse replay = handler.handleRequest(event, null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertThat(matchedProfiles("m-demo-1")).containsExactly("p-fit");
        assertThat(stack.store().outbox().findEmail("PROPOSAL#m-demo-1#p-fit")).isPresent();
        assertThat(stack.items("OUTBOX").stream().filter(i -> i.get("kind").s().equals("PROPOSAL")
                && i.get("refs").m().get("missionId").s().equals("m-demo-1"))).hasSize(1);
    }

    /** The sample "mission published" record, carrying another mission. */
    static DynamodbEvent published(Mission mission) {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/matching/mission-published.json");
        var image = event.getRecords().get(0).getDynamodb().getNewImage();
        image.put("pk", new AttributeValue().withS("MISSION#" + mission.id()));
        image.put("doc", new AttributeValue().withS(StoredJson.write(mission)));
        return event;
    }

    @Test
    void a_mission_nobody_fits_records_why_for_the_organisations_report() {
        ObjectNode body = Bodies.mission();
        body.putArray("skills").add("WordPress").add("Zorglub 3000");
        body.put("budget", 1200); // 200 EUR a day, under every candidate's minimum
        Mission mission = Requests.mission("m-nobody", body, FR, Clock.systemUTC());
        stack.store().missions().submit(mission, MissionStatus.PUBLISHED, Instant.now(), java.util.List.of());

        assertThat(handler.handleRequest(published(mission), null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(published(mission), null).getBatchItemFailures()).isEmpty();

        assertThat(matchedProfiles("m-nobody")).isEmpty();
        // the organisation hears once what matching did, even when the record comes twice
        assertThat(stack.items("OUTBOX").stream().filter(i -> i.get("kind").s().equals("MATCHING_REPORT")
                && i.get("refs").m().get("missionId").s().equals("m-nobody"))).hasSize(1);
        var refs = stack.store().outbox().findEmail("REPORT#m-nobody").orElseThrow().refs();
        MatchingSummary summary = MatchingSummary.fromRefs(refs);
        assertThat(summary.nobodyFits()).isTrue();
        assertThat(summary.missingSkills()).containsExactly("Zorglub 3000");
        assertThat(summary.pay()).isPositive();
        assertThat(summary.medianMinimum()).isGreaterThan(200);
        assertThat(summary.place()).isPositive(); // p-not-remote cannot do a remote mission
    }

    @ParameterizedTest
    @Event(value = "events/matching/profile-activated.json", type = DynamodbEvent.class)
    void a_profile_that_subscribes_again_gets_its_open_matches(DynamodbEvent event) {
        var record = event.getRecords().get(0).getDynamodb();
        Profile back = profile("p-back", p -> {});
        pendingProfile("p-back");
        stack.store().profiles().activate("p-back", "nonce-p-back", Instant.now());
        // unsubscribed in the table (so out of the candidate index), then the record of subscribing again
        stack.store().profiles().unsubscribe("p-back", Instant.now());
        record.getNewImage().put("pk", new AttributeValue().withS("PROFILE#p-back"));
        record.getNewImage().put("doc", new AttributeValue().withS(StoredJson.write(back)));
        record.getOldImage().putAll(record.getNewImage());
        record.getOldImage().put("unsubscribed", new AttributeValue().withBOOL(true));

        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();

        assertThat(matchedMissions("p-back")).contains("m-remote");
    }

    @ParameterizedTest
    @Event(value = "events/matching/profile-activated.json", type = DynamodbEvent.class)
    void an_activated_profile_gets_its_open_matches_in_one_digest(DynamodbEvent event) {
        StreamsEventResponse first = handler.handleRequest(event, null);
        StreamsEventResponse replay = handler.handleRequest(event, null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertThat(matchedMissions("p-demo-1")).containsExactlyInAnyOrder("m-remote", "m-brest");
        var digests = stack.items("OUTBOX").stream().filter(i -> i.get("kind").s().equals("DIGEST")
                && i.get("refs").m().get("profileId").s().equals("p-demo-1")).toList();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).get("refs").m().get("missionIds").s().split(","))
                .containsExactlyInAnyOrder("m-remote", "m-brest");
    }

    @ParameterizedTest
    @Event(value = "events/matching/mission-published.json", type = DynamodbEvent.class)
    void a_matched_mission_leaves_the_work_ledger_and_an_unmatched_one_stays_for_the_sweep(DynamodbEvent event) {
        Instant at = Instant.now();
        Mission mission = Requests.mission("m-ledger", Bodies.mission(), FR, Clock.systemUTC());
        stack.store().missions().submit(mission, MissionStatus.PUBLISHED, at, java.util.List.of());
        Mission unmatched = Requests.mission("m-ledger-2", Bodies.mission(), FR, Clock.systemUTC());
        stack.store().missions().submit(unmatched, MissionStatus.PUBLISHED, at, java.util.List.of());
        var image = event.getRecords().get(0).getDynamodb().getNewImage();
        image.put("pk", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS("MISSION#m-ledger"));
        image.put("doc", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                .withS(stack.store().missions().findMission("m-ledger").map(m -> org.socialdeclik.shared.aws.StoredJson.write(m.mission())).orElseThrow()));
        image.put("updatedAt", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS(at.toString()));
        java.util.function.Supplier<Set<String>> open = () -> stack.store().ledger()
                .openWork(Instant.now(), java.time.Duration.ofDays(1), 100).stream()
                .filter(w -> w.kind() == org.socialdeclik.shared.ports.WorkLedger.Kind.MISSION)
                .map(org.socialdeclik.shared.ports.WorkLedger.Work::id).collect(Collectors.toSet());
        Set<String> before = open.get();

        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();

        assertThat(before).contains("m-ledger", "m-ledger-2");
        assertThat(open.get()).doesNotContain("m-ledger").contains("m-ledger-2");
    }
}

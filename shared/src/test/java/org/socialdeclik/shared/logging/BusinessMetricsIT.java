package org.socialdeclik.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.FeedbackService;
import org.socialdeclik.shared.app.Ids;
import org.socialdeclik.shared.app.MissionService;
import org.socialdeclik.shared.app.ProfileService;
import org.socialdeclik.shared.app.RegisterProfile;
import org.socialdeclik.shared.app.ReviewMission;
import org.socialdeclik.shared.app.SubmitMission;
import org.socialdeclik.shared.aws.DynamoStore;
import org.socialdeclik.shared.ports.ConflictException;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.Tokens;

/**
 * The use cases count what happened, once it happened: real services on the real store in the
 * emulator, the metric lines read back from the JSON log.
 */
class BusinessMetricsIT {
    static Emulator stack;
    static DynamoStore store;
    static Tokens tokens;

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs(Level.INFO);

    @BeforeAll
    static void start() {
        stack = Emulator.start();
        store = stack.store();
        tokens = stack.tokens();
    }

    private static SubmitMission submission() {
        return new SubmitMission(Requests.mission(Ids.newId(), Bodies.mission(), Messages.forLocale("fr"), Clock.systemUTC()));
    }

    /** The metric values written so far, by name, summed. */
    private Map<String, Long> counted() {
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode line : logs.capture().entries()) {
            if (!line.has("_aws")) {
                continue;
            }
            for (JsonNode metric : line.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics")) {
                String name = metric.get("Name").asText();
                counts.merge(name, line.get(name).asLong(), Long::sum);
            }
        }
        return counts;
    }

    @Test
    void a_mission_counts_once_submitted_once_published_once_closed() {
        MissionService missions = new MissionService(store.missions(), tokens, Clock.systemUTC(), true, stack.activity());

        String id = missions.submit(submission()).id();
        assertThat(counted()).isEqualTo(Map.of("MissionsSubmitted", 1L));

        missions.review(new ReviewMission(id, tokens.mint(Purpose.REVIEW, id), true, null));
        String manage = tokens.mint(Purpose.MANAGE_MISSION, id);
        missions.close(id, manage, null);
        assertThatThrownBy(() -> missions.close(id, manage, null)).isInstanceOf(ConflictException.class);

        assertThat(counted()).isEqualTo(Map.of("MissionsSubmitted", 1L, "MissionsPublished", 1L, "MissionsClosed", 1L));
    }

    @Test
    void a_mission_published_at_once_without_moderation_counts_as_published() {
        new MissionService(store.missions(), tokens, Clock.systemUTC(), false, stack.activity()).submit(submission());

        assertThat(counted()).isEqualTo(Map.of("MissionsSubmitted", 1L, "MissionsPublished", 1L));
    }

    @Test
    void a_verified_profile_counts_once_and_unsubscribing_twice_counts_once() {
        ProfileService profiles = new ProfileService(store.profiles(), store.missions(), store.matches(), tokens, Clock.systemUTC(), stack.activity());
        String email = "metrics.verified@example.org";
        profiles.register(new RegisterProfile(
                Requests.profile(Ids.newId(), null, Bodies.profile(email), Messages.forLocale("fr"), Clock.systemUTC())));
        var pending = store.profiles().findProfileByEmail(email).orElseThrow();
        assertThat(counted()).isEmpty();

        profiles.verify(tokens.mint(Purpose.VERIFY, pending.profile().id(), pending.verifyNonce()));
        String unsubscribe = tokens.mint(Purpose.UNSUBSCRIBE, pending.profile().id());
        profiles.unsubscribe(unsubscribe);
        profiles.unsubscribe(unsubscribe);

        assertThat(counted()).isEqualTo(Map.of("ProfilesVerified", 1L, "Unsubscribes", 1L));
    }

    @Test
    void bounces_and_complaints_count_the_addresses_suppressed() {
        FeedbackService feedback = new FeedbackService(store.suppressions(), store.profiles(), store.outbox(), Clock.systemUTC());

        feedback.handle(new FeedbackService.Feedback("Bounce", "Permanent", List.of("gone@example.org", "left@example.org")));
        feedback.handle(new FeedbackService.Feedback("Bounce", "Transient", List.of("full@example.org")));
        feedback.handle(new FeedbackService.Feedback("Complaint", null, List.of("angry@example.org")));

        assertThat(counted()).isEqualTo(Map.of("Bounces", 2L, "Complaints", 1L));
    }
}

package org.socialdeclik.shared.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.ports.AdminDesk;
import org.socialdeclik.shared.ports.MissionActivity;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.testing.Bodies;

/**
 * The desk's quiet missions, decided by the function's clock (the local run's moves with
 * {@code POST /_local/clock}): published at least a week ago and nobody interested.
 */
class AdminQueueTest {
    static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** id -> when published (null: never), and the ids someone is interested in. */
    static List<AdminService.QueuedMission> queue(MissionStatus status, Map<String, Instant> published, List<String> liked) {
        AdminDesk desk = new AdminDesk() {
            @Override
            public void enqueue(OutboxEntry email, Instant now) {
            }

            @Override
            public List<Listed> missions(MissionStatus asked) {
                return published.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new Listed(new StoredMission(
                        Requests.mission(e.getKey(), Bodies.mission(), Messages.forLocale("fr"), CLOCK), asked,
                        NOW.minusSeconds(30 * 86_400), NOW, null), e.getValue())).toList();
            }
        };
        MissionActivity activity = new MissionActivity() {
            @Override
            public Counts counts(String missionId) {
                return new Counts(3, liked.contains(missionId) ? 1 : 0);
            }

            @Override
            public Map<String, String> titles(Collection<String> missionIds) {
                return Map.of();
            }

            @Override
            public List<String> interestedProfiles(String missionId) {
                return List.of();
            }
        };
        return new AdminService(desk, activity, null, List.of(), CLOCK).queue(new AdminSession("a"), status);
    }

    static Map<String, Boolean> quiet(List<AdminService.QueuedMission> queue) {
        return queue.stream().collect(Collectors.toMap(q -> q.listed().stored().mission().id(),
                AdminService.QueuedMission::quiet));
    }

    @Test
    void a_mission_published_a_week_ago_with_no_interest_is_quiet_and_not_a_second_earlier_nor_with_an_interest() {
        Map<String, Instant> published = new HashMap<>(Map.of("m-week", NOW.minus(AdminService.QUIET_AFTER),
                "m-almost", NOW.minus(AdminService.QUIET_AFTER).plusSeconds(1),
                "m-liked", NOW.minus(AdminService.QUIET_AFTER).minusSeconds(86_400)));
        published.put("m-never", null); // listed without a publication date (never published)

        assertThat(quiet(queue(MissionStatus.PUBLISHED, published, List.of("m-liked"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("m-week", true, "m-almost", false, "m-liked", false, "m-never", false));
        // only a published mission is quiet: a closed one is no longer waiting for anyone
        assertThat(quiet(queue(MissionStatus.CLOSED, published, List.of()))).doesNotContainValue(true);
    }
}

package org.socialdeclik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.AdminService;
import org.socialdeclik.shared.app.StatsService;
import org.socialdeclik.shared.aws.DynamoAdmin;
import org.socialdeclik.shared.aws.DynamoStats;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.token.Purpose;

/** The admins' counters kept from real-shaped stream records (events/stats), once per record, against the emulator. */
class StatsHandlerIT {
    static Emulator stack;
    static StatsHandler handler;
    static StatsService stats;
    static AdminService admins;

    @BeforeAll
    static void start() {
        stack = Emulator.start();
        handler = new StatsHandler(stack.env());
        stats = new StatsService(new DynamoStats(stack.dynamo(), stack.table()), Places.france());
        admins = new AdminService(new DynamoAdmin(stack.dynamo(), stack.table()), stack.activity(), stack.tokens(),
                List.of(Emulator.ADMIN), Clock.systemUTC());
    }

    private static StatsService.Stats read() {
        return stats.read(admins.authorize(stack.tokens().mint(Purpose.ADMIN, OutboxEntry.part(Emulator.ADMIN))));
    }

    @Test
    void each_change_is_counted_once_and_read_back_in_one_query() {
        // the mission of the sample, published a day before its first interest
        var mission = Requests.mission("m-demo-1", Bodies.mission(), Messages.forLocale("fr"), Clock.systemUTC());
        stack.store().missions().submit(mission, MissionStatus.PUBLISHED, Instant.parse("2026-11-27T08:00:00Z"), List.of());
        DynamodbEvent changes = EventLoader.loadDynamoDbEvent("events/stats/changes.json");

        assertThat(handler.handleRequest(changes, null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(changes, null).getBatchItemFailures()).isEmpty(); // delivered again

        StatsService.Stats s = read();
        assertThat(s.submitted()).isEqualTo(1);
        assertThat(s.published()).isEqualTo(1);
        assertThat(s.verified()).isEqualTo(1);
        assertThat(s.byRegion()).extracting(StatsService.Count::code, StatsService.Count::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("53", 1L));
        assertThat(s.byRegion().get(0).fr()).isEqualTo("Bretagne");
        assertThat(s.topSkills()).extracting(StatsService.Count::code).containsExactlyInAnyOrder("wordpress", "seo");
        assertThat(s.proposals()).isEqualTo(1);
        assertThat(s.interests()).isEqualTo(1);
        assertThat(s.interestRate()).isEqualTo(1.0);
        assertThat(s.missionsWithInterest()).isEqualTo(1);
        assertThat(s.medianHoursToFirstInterest()).isEqualTo(48); // 25 hours: the "2 days" bucket
    }

    @Test
    void a_verified_profile_erased_takes_its_counts_back() {
        DynamodbEvent changes = EventLoader.loadDynamoDbEvent("events/stats/changes.json");
        var activated = changes.getRecords().get(2);
        activated.setEventID("erase-test-activated");
        DynamodbEvent one = new DynamodbEvent();
        one.setRecords(List.of(activated));
        long before = read().verified();
        handler.handleRequest(one, null);
        assertThat(read().verified()).isEqualTo(before + 1);

        var erased = EventLoader.loadDynamoDbEvent("events/stats/changes.json").getRecords().get(2);
        erased.setEventID("erase-test-removed");
        erased.setEventName("REMOVE");
        erased.getDynamodb().setOldImage(erased.getDynamodb().getNewImage());
        erased.getDynamodb().setNewImage(null);
        one.setRecords(List.of(erased));
        handler.handleRequest(one, null);

        assertThat(read().verified()).isEqualTo(before);
    }
}

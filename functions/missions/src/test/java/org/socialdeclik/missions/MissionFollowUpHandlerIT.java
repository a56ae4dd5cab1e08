package org.socialdeclik.missions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.app.FollowUpService;
import org.socialdeclik.shared.app.MissionService;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.PlaceFit;
import org.socialdeclik.shared.ports.MissionCalendar;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.testing.Emulator;

/** The follow-up schedule, built as Lambda builds it and on a clock moved through the weeks, against the emulator. */
class MissionFollowUpHandlerIT {
    static Emulator stack;
    static MissionCalendar calendar;

    @BeforeAll
    static void start() {
        stack = Emulator.start();
        calendar = new Wiring(Env.of(stack.env())).calendar();
    }

    FollowUpService at(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        MissionService missions = new MissionService(stack.store().missions(), stack.tokens(), clock, false, stack.activity());
        return new FollowUpService(calendar, stack.store().missions(), stack.store().profiles(), stack.activity(), missions, clock);
    }

    @ParameterizedTest
    @Event(value = "events/follow-up/hourly.json", type = ScheduledEvent.class)
    void as_the_scheduler_calls_it_the_sample_event_runs_what_is_due(ScheduledEvent event) {
        MissionFollowUpHandler handler = new MissionFollowUpHandler(stack.env());

        assertThat(handler.handleRequest(event, null)).matches("due \\d+, follow-ups \\d+, last notices \\d+, expired \\d+");
    }

    @Test
    void reminder_after_the_first_interest_last_notice_at_the_deadline_then_closed_by_itself() throws Exception {
        MissionsHandler submit = new MissionsHandler(stack.env("MODERATION", "off"));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/missions/submit.json");
        String id = Json.parse(submit.handleRequest(event, null).getBody()).get("id").asText();
        StoredMission mission = stack.store().missions().findMission(id).orElseThrow();
        Instant lastNotice = MissionCalendar.lastNoticeAt(mission.mission());
        assertThat(lastNotice).isEqualTo(Instant.parse("2030-01-20T07:00:00Z")); // 08:00 in Paris, winter time
        Instant now = Instant.now();
        MatchReasons reasons = new MatchReasons(List.of("WordPress"), 1, List.of(), PlaceFit.REMOTE, null, 500, null, false);
        stack.store().matches().recordProposal(id, "p-follow-1", reasons, now);
        stack.store().matches().recordInterest(id, "p-follow-1", now);
        calendar.plan(MissionCalendar.Step.FOLLOW_UP, id, now.plus(Duration.ofDays(7)));

        at(now.plus(Duration.ofDays(6))).run();
        assertThat(stack.store().outbox().findEmail("FOLLOWUP#" + id)).isEmpty();
        at(now.plus(Duration.ofDays(7)).plusSeconds(60)).run();
        assertThat(stack.store().outbox().findEmail("FOLLOWUP#" + id)).isPresent();

        at(lastNotice.plusSeconds(60)).run();
        assertThat(stack.store().outbox().findEmail("LASTNOTICE#" + id)).isPresent();
        at(lastNotice.plus(Duration.ofDays(2))).run();
        assertThat(stack.store().missions().findMission(id).orElseThrow().status()).isEqualTo(MissionStatus.PUBLISHED);

        FollowUpService.Outcome closing = at(lastNotice.plus(FollowUpService.GRACE).plusSeconds(60)).run();

        assertThat(closing.expired()).isGreaterThanOrEqualTo(1);
        StoredMission closed = stack.store().missions().findMission(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(MissionStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(MissionOutcome.EXPIRED);
        assertThat(stack.store().outbox().findEmail("CLOSED#" + id + "#p-follow-1")).isPresent();
        assertThat(at(lastNotice.plus(Duration.ofDays(4))).run().expired()).isZero();
    }

    @Test
    void a_mission_closed_before_its_deadline_gets_no_last_notice_and_does_not_expire() throws Exception {
        MissionsHandler submit = new MissionsHandler(stack.env("MODERATION", "off"));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/missions/submit.json");
        String id = Json.parse(submit.handleRequest(event, null).getBody()).get("id").asText();
        Instant lastNotice = MissionCalendar.lastNoticeAt(stack.store().missions().findMission(id).orElseThrow().mission());
        new MissionService(stack.store().missions(), stack.tokens(), Clock.systemUTC(), false, stack.activity())
                .close(id, stack.tokens().mint(org.socialdeclik.shared.token.Purpose.MANAGE_MISSION, id), MissionOutcome.FILLED_HERE);

        at(lastNotice.plus(Duration.ofDays(4))).run();

        assertThat(stack.store().outbox().findEmail("LASTNOTICE#" + id)).isEmpty();
        assertThat(stack.store().missions().findMission(id).orElseThrow().outcome()).isEqualTo(MissionOutcome.FILLED_HERE);
    }
}

package org.socialdeclik.missions;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.Map;
import org.socialdeclik.shared.app.FollowUpService;
import org.socialdeclik.shared.app.MissionService;
import org.socialdeclik.shared.aws.DynamoStore;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.lambda.ScheduledFunction;
import org.socialdeclik.shared.ports.MissionCalendar;
import org.socialdeclik.shared.warmup.Priming;

/**
 * Schedule (hourly): follows up with the organisations (issue 11, §4): the reminder of who is
 * interested, the last notice at the deadline, the closing by itself three days later (EXPIRED).
 */
public final class MissionFollowUpHandler extends ScheduledFunction {
    private final FollowUpService service;
    private final MissionCalendar calendar;
    private Priming priming;

    public MissionFollowUpHandler() {
        this(System.getenv());
    }

    public MissionFollowUpHandler(Map<String, String> env) {
        this(new Wiring(Env.of(env)));
        // SnapStart: one read of the calendar (a day long past, with nothing in it)
        MissionCalendar primed = calendar;
        priming = Priming.register("mission-follow-up", () -> primed.due(Instant.EPOCH, 0));
    }

    private MissionFollowUpHandler(Wiring wiring) {
        this.service = wire(wiring, wiring.store());
        this.calendar = wiring.calendar();
    }

    public MissionFollowUpHandler(FollowUpService service) {
        this.service = service;
        this.calendar = null;
    }

    private static FollowUpService wire(Wiring wiring, DynamoStore store) {
        // closing by itself checks no token: this function reads no signing key (least privilege)
        MissionService missions = new MissionService(store.missions(), null, wiring.clock(), wiring.moderation(),
                store.activity());
        return new FollowUpService(wiring.calendar(), store.missions(), store.profiles(), store.activity(), missions, wiring.clock());
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    @Override
    protected String run(Context context) {
        FollowUpService.Outcome outcome = service.run();
        return "due " + outcome.due() + ", follow-ups " + outcome.followUps() + ", last notices " + outcome.lastNotices()
                + ", expired " + outcome.expired();
    }
}

package org.socialdeclik.profiles;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.Map;
import org.socialdeclik.shared.app.AvailabilityService;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.lambda.ScheduledFunction;
import org.socialdeclik.shared.ports.ProfileAvailability;
import org.socialdeclik.shared.warmup.Priming;

/**
 * Schedule (hourly): the profiles' availability calendar (issue 11, §1): "still available?" after
 * AVAILABILITY_CHECK_DAYS of silence, the pause when it goes unanswered, the end of a dated pause.
 * Reads only the steps due ({@code AVAIL#<day>} items), never every profile.
 */
public final class AvailabilityHandler extends ScheduledFunction {
    private final AvailabilityService service;
    private final ProfileAvailability calendar;
    private Priming priming;

    public AvailabilityHandler() {
        this(System.getenv());
    }

    public AvailabilityHandler(Map<String, String> env) {
        this(new Wiring(Env.of(env)));
        // SnapStart: one read of the calendar (a day long past, with nothing in it)
        ProfileAvailability primed = calendar;
        priming = Priming.register("availability", () -> primed.due(Instant.EPOCH, 0));
    }

    private AvailabilityHandler(Wiring wiring) {
        this(wiring, wiring.availability());
    }

    private AvailabilityHandler(Wiring wiring, ProfileAvailability availability) {
        // the sweep answers no link: this function reads no signing key (least privilege)
        this.service = new AvailabilityService(availability, wiring.store().profiles(), null, wiring.clock(),
                wiring.availabilityCheckAfter());
        this.calendar = availability;
    }

    public AvailabilityHandler(AvailabilityService service) {
        this.service = service;
        this.calendar = null;
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    @Override
    protected String run(Context context) {
        AvailabilityService.Outcome outcome = service.run();
        return "due " + outcome.due() + ", checks " + outcome.checks() + ", paused " + outcome.paused()
                + ", resumed " + outcome.resumed();
    }
}

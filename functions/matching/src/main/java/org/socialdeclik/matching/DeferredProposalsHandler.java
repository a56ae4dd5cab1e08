package org.socialdeclik.matching;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import org.socialdeclik.shared.app.MatchingService;
import org.socialdeclik.shared.aws.StoredJson;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.lambda.ScheduledFunction;
import org.socialdeclik.shared.warmup.Priming;

/**
 * Schedules: proposes the matches that waited for a freelancer's weekly window (the cap of
 * matching.md defers them rather than dropping them), and sends the Monday digests of the WEEKLY
 * freelancers once their Monday 08:00 (Paris) has come. Every run, hourly or the Monday one, does
 * whatever is due by the clock: the Monday schedule sends the digests on time, and a missed run is
 * made up by the next hourly one.
 */
public final class DeferredProposalsHandler extends ScheduledFunction {
    private final MatchingService service;
    private Priming priming;

    public DeferredProposalsHandler() {
        this(System.getenv());
    }

    public DeferredProposalsHandler(Map<String, String> env) {
        this(MatchingHandler.wire(new Wiring(Env.of(env))));
        // SnapStart: the matching path on a mission nobody can match (reads only)
        priming = Priming.register("deferred-proposals",
                () -> service.missionPublished(StoredJson.mission(Priming.UNMATCHABLE_MISSION)));
    }

    public DeferredProposalsHandler(MatchingService service) {
        this.service = service;
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    @Override
    protected String run(Context context) {
        MatchingService.Outcome outcome = service.releaseDeferred();
        MatchingService.Outcome weekly = service.releaseWeekly();
        return "proposed " + outcome.proposed() + ", postponed " + outcome.deferred()
                + "; weekly digests: " + weekly.proposed() + " proposed, " + weekly.deferred() + " for next Monday";
    }
}

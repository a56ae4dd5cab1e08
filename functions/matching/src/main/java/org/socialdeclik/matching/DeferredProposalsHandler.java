package org.socialdeclik.matching;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.socialdeclik.shared.logging.Invocation;
import org.socialdeclik.shared.app.MatchingService;
import org.socialdeclik.shared.aws.StoredJson;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.lambda.EventJson;
import org.socialdeclik.shared.warmup.Priming;

/**
 * Schedule: proposes the matches that waited for a freelancer's weekly window (the cap of
 * matching.md defers them rather than dropping them).
 */
public final class DeferredProposalsHandler implements RequestStreamHandler {
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

    /**
     * What Lambda calls: the schedule's payload in, the answer's JSON out (see {@link EventJson}).
     * The payload is not read: nothing in it changes the work (each run releases whatever is
     * due), and whatever the scheduler sends, even nothing, must not stop the run.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        EventJson.write(handleRequest((ScheduledEvent) null, context), output);
    }

    /** The same, for callers in the same JVM (tests, priming); the event is not used. */
    public String handleRequest(ScheduledEvent event, Context context) {
        MatchingService.Outcome outcome;
        try (Invocation ignored = Invocation.start(context)) {
            outcome = service.releaseDeferred();
        }
        return "proposed " + outcome.proposed() + ", postponed " + outcome.deferred();
    }
}

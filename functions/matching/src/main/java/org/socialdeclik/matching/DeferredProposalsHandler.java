package org.socialdeclik.matching;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import org.slf4j.MDC;
import org.socialdeclik.shared.app.MatchingService;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;

/**
 * Schedule: proposes the matches that waited for a freelancer's weekly window (the cap of
 * matching.md defers them rather than dropping them).
 */
public final class DeferredProposalsHandler implements RequestHandler<ScheduledEvent, String> {
    private final MatchingService service;

    public DeferredProposalsHandler() {
        this(System.getenv());
    }

    public DeferredProposalsHandler(Map<String, String> env) {
        this(MatchingHandler.wire(new Wiring(Env.of(env))));
    }

    public DeferredProposalsHandler(MatchingService service) {
        this.service = service;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        if (context != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        MatchingService.Outcome outcome = service.releaseDeferred();
        MDC.clear();
        return "proposed " + outcome.proposed() + ", postponed " + outcome.deferred();
    }
}

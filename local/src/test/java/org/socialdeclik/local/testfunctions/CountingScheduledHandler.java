package org.socialdeclik.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A scheduled function for the integration tests: counts its runs. */
public class CountingScheduledHandler implements RequestHandler<ScheduledEvent, String> {
    private final AtomicInteger runs = new AtomicInteger();

    public CountingScheduledHandler(Map<String, String> environment) {
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return "run " + runs.incrementAndGet() + " from " + event.getSource();
    }
}

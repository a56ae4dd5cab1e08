package org.socialdeclik.shared.logging;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.MDC;

/**
 * The log context of one invocation: its Lambda request id on every line logged while it is
 * open, and nothing of it left for the next invocation of the container once closed, whether the
 * handler returned or threw. {@code try (Invocation ignored = Invocation.start(context)) {...}}
 */
public final class Invocation implements AutoCloseable {
    private Invocation() {}

    /** Opens the context; a null {@code context} (a call from the same JVM) adds no request id. */
    public static Invocation start(Context context) {
        if (context != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        return new Invocation();
    }

    @Override
    public void close() {
        MDC.clear();
    }
}

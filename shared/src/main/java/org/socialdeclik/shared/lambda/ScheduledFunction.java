package org.socialdeclik.shared.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.InputStream;
import java.io.OutputStream;
import org.socialdeclik.shared.domain.vocab.Learning;
import org.socialdeclik.shared.logging.Invocation;

/**
 * A function run by a schedule (and on demand). The payload is not read: nothing in it changes
 * the work (each run does whatever is due), and whatever the scheduler or a person sends, even
 * nothing, must not stop the run. The answer is a line saying what the run did.
 */
public abstract class ScheduledFunction implements RequestStreamHandler {

    /** One run, inside the invocation's log context; {@code context} is null for callers in the same JVM. */
    protected abstract String run(Context context);

    /** What Lambda calls: the payload in (not read), the answer's JSON out (see {@link EventJson}). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        EventJson.write(handleRequest((ScheduledEvent) null, context), output);
    }

    /** The same, for callers in the same JVM (tests, priming, the local run); the event is not used. */
    public String handleRequest(ScheduledEvent event, Context context) {
        try (Invocation ignored = Invocation.start(context)) {
            Learning.refresh(); // the words the admins taught, read again when stale
            return run(context);
        }
    }
}

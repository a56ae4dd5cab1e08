package org.socialdeclik.perf.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The cold-start floor: a handler that reads its event and answers, nothing else. */
public final class HelloHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "hello, " + (event == null ? 0 : event.size()) + " fields";
    }
}

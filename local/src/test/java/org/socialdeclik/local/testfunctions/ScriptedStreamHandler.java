package org.socialdeclik.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A stream function whose behaviour each unit test scripts; keeps the batches it was given. */
public class ScriptedStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    public static volatile Function<DynamodbEvent, StreamsEventResponse> script = e -> new StreamsEventResponse();
    public static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();

    public ScriptedStreamHandler(Map<String, String> environment) {
    }

    /** The primary key values (pk) of each batch, in order. */
    public static List<List<String>> batches() {
        return List.copyOf(BATCHES);
    }

    public static void reset(Function<DynamodbEvent, StreamsEventResponse> behaviour) {
        BATCHES.clear();
        script = behaviour;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        BATCHES.add(event.getRecords().stream().map(r -> r.getDynamodb().getKeys().get("pk").getS()).toList());
        return script.apply(event);
    }
}

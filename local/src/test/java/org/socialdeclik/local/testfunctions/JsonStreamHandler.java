package org.socialdeclik.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stream handler shaped like the platform's: Lambda calls the stream method, callers in the
 * same JVM the typed overload. Keeps the raw JSON it was given; fails every record whose key is
 * "bad" (through the JSON answer when called as a stream handler).
 */
public class JsonStreamHandler implements RequestStreamHandler {
    public static final List<String> RAW = new CopyOnWriteArrayList<>();
    public static final List<String> TYPED = new CopyOnWriteArrayList<>();

    public JsonStreamHandler(Map<String, String> environment) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String json = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        RAW.add(json);
        if (json.contains("\"explode\"")) {
            throw new IOException("cannot read this event");
        }
        String failures = json.contains("\"S\":\"bad\"") ? "{\"itemIdentifier\":\"2\"}" : "";
        output.write(("{\"batchItemFailures\":[" + failures + "]}").getBytes(StandardCharsets.UTF_8));
    }

    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        TYPED.add(event.getRecords().get(0).getDynamodb().getKeys().get("pk").getS());
        return new StreamsEventResponse(List.of());
    }
}

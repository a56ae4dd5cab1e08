package org.socialdeclik.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/** A stream function for the integration tests: keeps what it receives, per table. */
public class RecordingStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Map<String, BlockingQueue<DynamodbEvent.DynamodbStreamRecord>> RECEIVED =
            new ConcurrentHashMap<>();
    private static final Map<String, BlockingQueue<Integer>> BATCH_SIZES = new ConcurrentHashMap<>();

    private final String table;

    public RecordingStreamHandler(Map<String, String> environment) {
        this.table = environment.get("TABLE_NAME");
    }

    public static BlockingQueue<DynamodbEvent.DynamodbStreamRecord> received(String table) {
        return RECEIVED.computeIfAbsent(table, t -> new LinkedBlockingQueue<>());
    }

    public static BlockingQueue<Integer> batchSizes(String table) {
        return BATCH_SIZES.computeIfAbsent(table, t -> new LinkedBlockingQueue<>());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        batchSizes(table).add(event.getRecords().size());
        received(table).addAll(event.getRecords());
        return new StreamsEventResponse(List.of());
    }
}

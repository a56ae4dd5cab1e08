package org.socialdeclik.shared.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.logging.Invocation;
import org.socialdeclik.shared.lambda.EventJson;

/**
 * A DynamoDB stream consumer with partial batch responses: every record of the batch is handled,
 * and the ones that failed are reported by sequence number. Lambda then retries from the first
 * failed record (handling again the ones after it, which the consumers tolerate: they are
 * idempotent) and, after its bounded retries, parks what still fails in the on-failure queue.
 * Handling the records after a failure at once means a poison record never holds back, or takes
 * down with it, the good records of its batch.
 * Records the function does not care about are skipped by {@link #handle} returning quietly.
 */
public abstract class StreamFunction implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFunction.class);

    protected abstract void handle(DynamodbEvent.DynamodbStreamRecord record);

    /** What Lambda calls: the event's JSON in, the batch response's JSON out (see {@link EventJson}). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        EventJson.write(handleRequest(EventJson.dynamodbEvent(input), context), output);
    }

    /** The same, on an event already read: for callers in the same JVM (tests, priming). */
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        try (Invocation ignored = Invocation.start(context)) {
            return StreamsEventResponse.builder().withBatchItemFailures(handleAll(event)).build();
        }
    }

    private List<StreamsEventResponse.BatchItemFailure> handleAll(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            try {
                handle(record);
            } catch (RuntimeException e) {
                LOG.error("record failed ({}), reported for retry", e.getClass().getName(), e);
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
            }
        }
        return failures;
    }

    /** A string attribute of an image, or null. */
    protected static String text(Map<String, AttributeValue> image, String name) {
        if (image == null) {
            return null;
        }
        AttributeValue value = image.get(name);
        return value == null ? null : value.getS();
    }

    protected static boolean flag(Map<String, AttributeValue> image, String name) {
        if (image == null) {
            return false;
        }
        AttributeValue value = image.get(name);
        return value != null && Boolean.TRUE.equals(value.getBOOL());
    }
}

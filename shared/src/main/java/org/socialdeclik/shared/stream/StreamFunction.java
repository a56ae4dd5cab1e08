package org.socialdeclik.shared.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A DynamoDB stream consumer with partial batch responses: records are handled in order; at the
 * first failure, that record and every later one are reported by sequence number, so Lambda
 * retries from there (and, after its bounded retries, sends them to the on-failure queue).
 * Records the function does not care about are skipped by {@link #handle} returning quietly.
 */
public abstract class StreamFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFunction.class);

    protected abstract void handle(DynamodbEvent.DynamodbStreamRecord record);

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        if (context != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (int i = 0; i < records.size(); i++) {
            DynamodbEvent.DynamodbStreamRecord record = records.get(i);
            try {
                handle(record);
            } catch (RuntimeException e) {
                LOG.error("record failed ({}), retrying from it", e.getClass().getName(), e);
                for (int j = i; j < records.size(); j++) {
                    failures.add(StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(records.get(j).getDynamodb().getSequenceNumber()).build());
                }
                break;
            }
        }
        MDC.clear();
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
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

package org.socialdeclik.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where stream batches go once their retries are exhausted: the local stand-in for an event
 * source mapping's on-failure destination. Like Lambda's, a record here carries only the batch's
 * coordinates (stream, shard, sequence numbers, size), never the items: no personal data.
 */
final class FailureDestination {
    private static final Logger LOG = LoggerFactory.getLogger(FailureDestination.class);

    private final List<Map<String, Object>> discarded = new ArrayList<>();
    private long records;

    synchronized void discard(String function, String eventSource, String destination, String streamArn,
            String shardId, List<String> sequenceNumbers, Instant firstArrival, Instant lastArrival,
            int invokeCount, String condition, String errorType) {
        Map<String, Object> requestContext = new LinkedHashMap<>();
        requestContext.put("functionArn", function);
        requestContext.put("eventSource", eventSource);
        requestContext.put("condition", condition);
        requestContext.put("approximateInvokeCount", invokeCount);
        Map<String, Object> responseContext = new LinkedHashMap<>();
        responseContext.put("functionError", errorType == null ? "ReportedBatchItemFailures" : errorType);
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("shardId", shardId);
        batch.put("startSequenceNumber", sequenceNumbers.get(0));
        batch.put("endSequenceNumber", sequenceNumbers.get(sequenceNumbers.size() - 1));
        batch.put("approximateArrivalOfFirstRecord", firstArrival == null ? null : firstArrival.toString());
        batch.put("approximateArrivalOfLastRecord", lastArrival == null ? null : lastArrival.toString());
        batch.put("batchSize", sequenceNumbers.size());
        batch.put("streamArn", streamArn);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("version", "1.0");
        entry.put("timestamp", Instant.now().toString());
        entry.put("destination", destination);
        entry.put("requestContext", requestContext);
        entry.put("responseContext", responseContext);
        entry.put("DDBStreamBatchInfo", batch);
        discarded.add(entry);
        records += sequenceNumbers.size();
        LOG.warn("Stream batch sent to the on-failure destination: {}", Json.string(entry));
    }

    synchronized List<Map<String, Object>> discarded() {
        return List.copyOf(discarded);
    }

    synchronized long records() {
        return records;
    }
}

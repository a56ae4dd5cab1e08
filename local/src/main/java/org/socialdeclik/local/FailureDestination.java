package org.socialdeclik.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where stream batches go once their retries are exhausted: the local stand-in for an event
 * source mapping's on-failure destination. Like Lambda's, a record here carries only the batch's
 * coordinates (stream, shard, sequence numbers, size), never the items: no personal data. A
 * destination that is a queue of the template gets the record as a message in the emulator's
 * SQS, as Lambda sends it (the sweep reads it from there); every record is also kept for
 * {@code GET /_local/failures}.
 */
final class FailureDestination {
    private static final Logger LOG = LoggerFactory.getLogger(FailureDestination.class);

    private final List<Map<String, Object>> discarded = new ArrayList<>();
    private final List<Map<String, Object>> received = new ArrayList<>();
    private volatile SqsClient sqs;
    private volatile Map<String, String> queueUrlsByArn = Map.of();
    private long records;

    /**
     * Creates the template's queues in the emulator as {@code <prefix>-<LogicalId>} and binds them
     * ({@code !Ref}: the URL, {@code !GetAtt .Arn}): a destination naming one gets Lambda's records.
     */
    void provisionQueues(List<SamTemplate.Resource> queues, Intrinsics intrinsics, LocalAws aws, String prefix) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (SamTemplate.Resource queue : queues) {
            String name = prefix + "-" + queue.logicalId();
            LocalAws.Queue created = aws.createQueue(name);
            intrinsics.bind(queue.logicalId(), created.url(), Map.of("Arn", created.arn(), "QueueUrl", created.url(),
                    "QueueName", name));
            urls.put(created.arn(), created.url());
            LOG.info("Queue {} ready ({})", queue.logicalId(), created.url());
        }
        this.sqs = aws.sqs;
        this.queueUrlsByArn = Map.copyOf(urls);
    }

    /** An event source's on-failure destination: its ARN when it resolves (a queue of the template), else as written. */
    static String destination(Intrinsics intrinsics, Object destination) {
        try {
            String arn = destination == null ? null : intrinsics.resolveString(destination);
            if (arn != null) {
                return arn;
            }
        } catch (TemplateException e) {
            // a destination the local run does not provision: named as written
        }
        if (destination instanceof Map<?, ?> map && map.size() == 1) {
            Object value = map.values().iterator().next();
            return value instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : String.valueOf(value);
        }
        return destination == null ? null : destination.toString();
    }

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
        LOG.warn("Stream batch sent to the on-failure destination: {}", LocalMapper.string(entry));
        String functionName = function.contains(":function:") ? function.substring(function.lastIndexOf(':') + 1) : function;
        Map<String, Object> arrival = new LinkedHashMap<>();
        arrival.put("function", functionName);
        arrival.put("source", eventSource);
        arrival.put("receivedAt", Instant.now().toString());
        arrival.put("body", entry);
        received.add(arrival);
        String url = queueUrlsByArn.get(destination);
        if (url != null && sqs != null) {
            try {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(LocalMapper.string(entry)));
            } catch (RuntimeException e) {
                LOG.warn("The failure record could not reach queue {}: {}", url, e.toString());
            }
        }
    }

    synchronized List<Map<String, Object>> discarded() {
        return List.copyOf(discarded);
    }

    /** {@code GET /_local/failures}: what reached a failure destination, oldest first. */
    synchronized List<Map<String, Object>> received() {
        return List.copyOf(received);
    }

    synchronized long records() {
        return records;
    }
}

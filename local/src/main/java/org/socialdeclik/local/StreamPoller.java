package org.socialdeclik.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local event source mapping of one {@code DynamoDB} event: polls the table's stream and
 * invokes the function as Lambda does. Records pass the FilterCriteria first (those matching no
 * filter are dropped); the rest go in batches of at most BatchSize, in order. A batch whose
 * function throws is split in two when BisectBatchOnFunctionError is set; with
 * ReportBatchItemFailures, a batch is retried from its first reported failure; after
 * MaximumRetryAttempts retries the remaining records go to the on-failure destination and the
 * poller moves on.
 *
 * <p>Each poll takes a fresh shard iterator (after the last record handled; the shard's start
 * before the first): moto answers stale iterators with HTTP 500 and can make a held iterator miss
 * writes after a cancelled transaction.
 */
final class StreamPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);
    private static final int GET_RECORDS_LIMIT = 1000;
    private static final Duration SHARD_REFRESH = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(3);

    enum State { STARTING, RUNNING, STOPPED }

    private final LocalFunction function;
    private final SamTemplate.StreamSource source;
    private final String streamArn;
    private final List<EventPattern> filters;
    private final DynamoDbStreamsClient streams;
    private final String region;
    private final FailureDestination failures;
    private final String destinationName;
    private final Duration pollInterval;
    private final Map<String, String> checkpoints = new HashMap<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong filteredOut = new AtomicLong();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final Thread thread;
    private volatile State state = State.STARTING;
    private volatile String lastError;
    private List<Shard> shards = List.of();
    private long shardsReadAt;
    private int errorStreak;

    StreamPoller(LocalFunction function, SamTemplate.StreamSource source, String streamArn, List<EventPattern> filters,
            DynamoDbStreamsClient streams, String region, FailureDestination failures, String destinationName,
            Duration pollInterval) {
        this.function = function;
        this.source = source;
        this.streamArn = streamArn;
        this.filters = List.copyOf(filters);
        this.streams = streams;
        this.region = region;
        this.failures = failures;
        this.destinationName = destinationName;
        this.pollInterval = pollInterval;
        this.thread = new Thread(this::run, "stream-" + function.logicalId() + "-" + source.eventName());
        this.thread.setDaemon(true);
    }

    String name() {
        return function.logicalId() + "." + source.eventName();
    }

    void start() {
        thread.start();
    }

    State state() {
        return state;
    }

    boolean ready() {
        return state == State.RUNNING;
    }

    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("function", function.logicalId());
        status.put("event", source.eventName());
        status.put("state", state.name());
        status.put("batchSize", source.batchSize());
        status.put("filters", filters.size());
        status.put("invocations", invocations.get());
        status.put("deliveredRecords", delivered.get());
        status.put("filteredOutRecords", filteredOut.get());
        status.put("failedRecords", discarded.get());
        if (lastError != null) {
            status.put("lastError", lastError);
        }
        return status;
    }

    private void run() {
        try {
            while (!stopping()) {
                boolean more;
                try {
                    if (state == State.STARTING && source.startingPosition().equals("LATEST")) {
                        skipToLatest();
                    }
                    more = pollOnce();
                    if (state == State.STARTING) {
                        state = State.RUNNING;
                        LOG.info("Stream poller {} is running on {}", name(), streamArn);
                    }
                    if (errorStreak > 0) {
                        LOG.info("Stream poller {} reads the stream again after {} failed polls", name(), errorStreak);
                        errorStreak = 0;
                    }
                } catch (SdkException e) {
                    // moto answers HTTP 500 to an iterator it no longer likes: the next poll takes a fresh one.
                    if (errorStreak++ == 0) {
                        LOG.warn("Stream poller {} cannot read the stream ({}); retrying", name(), e.toString());
                    }
                    lastError = e.getClass().getSimpleName();
                    shardsReadAt = 0;
                    more = false;
                }
                if (!more) {
                    pause(pollInterval);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            state = State.STOPPED;
        }
    }

    private boolean stopping() {
        return stop.getCount() == 0;
    }

    private void pause(Duration duration) throws InterruptedException {
        if (stop.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("stopping");
        }
    }

    private List<Shard> shards() {
        long now = System.nanoTime();
        if (shards.isEmpty() || now - shardsReadAt > SHARD_REFRESH.toNanos()) {
            List<Shard> all = new ArrayList<>();
            String startAfter = null;
            do {
                String exclusiveStart = startAfter;
                StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn)
                        .exclusiveStartShardId(exclusiveStart)).streamDescription();
                all.addAll(description.shards());
                startAfter = description.lastEvaluatedShardId();
            } while (startAfter != null);
            shards = List.copyOf(all);
            shardsReadAt = now;
        }
        return shards;
    }

    private GetRecordsResponse read(String shardId) {
        String checkpoint = checkpoints.get(shardId);
        String iterator = streams.getShardIterator(b -> {
            b.streamArn(streamArn).shardId(shardId);
            if (checkpoint == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint);
            }
        }).shardIterator();
        return streams.getRecords(b -> b.shardIterator(iterator).limit(GET_RECORDS_LIMIT));
    }

    /** StartingPosition LATEST: what is in the stream already is not for this function. */
    private void skipToLatest() {
        for (Shard shard : shards()) {
            while (true) {
                List<Record> records = read(shard.shardId()).records();
                if (records.isEmpty()) {
                    break;
                }
                checkpoints.put(shard.shardId(), records.get(records.size() - 1).dynamodb().sequenceNumber());
                if (records.size() < GET_RECORDS_LIMIT) {
                    break;
                }
            }
        }
    }

    private boolean pollOnce() throws InterruptedException {
        boolean more = false;
        for (Shard shard : shards()) {
            List<Record> records = read(shard.shardId()).records();
            if (!records.isEmpty()) {
                handle(shard.shardId(), records);
                more |= records.size() >= GET_RECORDS_LIMIT;
            }
        }
        return more;
    }

    private record Pending(Record record, DynamodbEvent.DynamodbStreamRecord event, String sequenceNumber) {
    }

    private void handle(String shardId, List<Record> records) throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        for (Record record : records) {
            if (stopping()) {
                return;
            }
            String sequenceNumber = record.dynamodb().sequenceNumber();
            if (EventPattern.anyMatches(filters, StreamRecords.toFilterJson(record, streamArn, region))) {
                batch.add(new Pending(record, StreamRecords.toLambda(record, streamArn, region), sequenceNumber));
                if (batch.size() >= source.batchSize()) {
                    deliver(shardId, batch, 0);
                    batch = new ArrayList<>();
                    checkpoints.put(shardId, sequenceNumber);
                }
            } else {
                filteredOut.incrementAndGet();
                if (batch.isEmpty()) {
                    checkpoints.put(shardId, sequenceNumber);
                }
            }
        }
        if (!batch.isEmpty()) {
            deliver(shardId, batch, 0);
        }
        if (!stopping()) {
            checkpoints.put(shardId, records.get(records.size() - 1).dynamodb().sequenceNumber());
        }
    }

    private void deliver(String shardId, List<Pending> batch, int retriesUsed) throws InterruptedException {
        List<Pending> pending = batch;
        int retries = retriesUsed;
        while (true) {
            if (stopping()) {
                throw new InterruptedException("stopping");
            }
            DynamodbEvent event = new DynamodbEvent();
            List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
            pending.forEach(p -> records.add(p.event()));
            event.setRecords(records);
            invocations.incrementAndGet();
            Throwable error = null;
            int firstFailed = -1;
            try {
                Object result = function.invoke(event);
                firstFailed = firstReportedFailure(result, pending);
            } catch (LocalFunction.FunctionError e) {
                error = e.getCause();
            }
            if (error == null && firstFailed < 0) {
                delivered.addAndGet(pending.size());
                return;
            }
            if (error != null) {
                lastError = error.getClass().getSimpleName();
                LOG.warn("Function {} threw on a batch of {} stream records ({} .. {})", function.logicalId(),
                        pending.size(), first(pending), last(pending), error);
                if (source.bisectBatchOnFunctionError() && pending.size() > 1) {
                    int half = pending.size() / 2;
                    deliver(shardId, List.copyOf(pending.subList(0, half)), retries);
                    deliver(shardId, List.copyOf(pending.subList(half, pending.size())), retries);
                    return;
                }
            } else {
                lastError = "ReportedBatchItemFailures";
                delivered.addAndGet(firstFailed);
                pending = List.copyOf(pending.subList(firstFailed, pending.size()));
                LOG.info("Function {} reported failed items: retrying {} records from {}", function.logicalId(),
                        pending.size(), first(pending));
            }
            retries++;
            if (source.maximumRetryAttempts() >= 0 && retries > source.maximumRetryAttempts()) {
                discard(shardId, pending, retries, error);
                return;
            }
            long backoff = Math.min(MAX_BACKOFF.toMillis(), pollInterval.toMillis() * (1L << Math.min(retries, 10)));
            pause(Duration.ofMillis(backoff));
        }
    }

    /** Index of the first record to retry, or -1 when the batch succeeded. */
    private int firstReportedFailure(Object result, List<Pending> batch) {
        if (!source.reportBatchItemFailures() || !(result instanceof StreamsEventResponse response)
                || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return -1;
        }
        int first = batch.size();
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            int index = -1;
            for (int i = 0; id != null && i < batch.size(); i++) {
                if (batch.get(i).sequenceNumber().equals(id)) {
                    index = i;
                    break;
                }
            }
            // An empty or unknown identifier fails the whole batch, as in Lambda.
            first = Math.min(first, Math.max(index, 0));
        }
        return first;
    }

    private void discard(String shardId, List<Pending> pending, int invokeCount, Throwable error) {
        List<String> sequenceNumbers = new ArrayList<>();
        pending.forEach(p -> sequenceNumbers.add(p.sequenceNumber()));
        Instant firstArrival = pending.get(0).record().dynamodb().approximateCreationDateTime();
        Instant lastArrival = pending.get(pending.size() - 1).record().dynamodb().approximateCreationDateTime();
        failures.discard(function.logicalId(), streamArn, destinationName, streamArn, shardId, sequenceNumbers,
                firstArrival, lastArrival, invokeCount, "RetryAttemptsExhausted",
                error == null ? null : error.getClass().getName());
        discarded.addAndGet(pending.size());
    }

    private static String first(List<Pending> batch) {
        return batch.get(0).sequenceNumber();
    }

    private static String last(List<Pending> batch) {
        return batch.get(batch.size() - 1).sequenceNumber();
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(10_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = State.STOPPED;
    }
}

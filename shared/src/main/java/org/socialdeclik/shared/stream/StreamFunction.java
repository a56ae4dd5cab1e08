package org.socialdeclik.shared.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.socialdeclik.shared.aws.TableLayout;
import org.socialdeclik.shared.domain.vocab.Learning;
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
            Learning.refresh(); // the words the admins taught, read again when stale
            return StreamsEventResponse.builder().withBatchItemFailures(handleAll(event)).build();
        }
    }

    /**
     * How many records of a batch are handled at the same time: 1 (the default) handles them in
     * order. A consumer whose records are independent of each other and wait on a slow service
     * (the notifier, on SES) raises it, so that one slow call holds back fewer records.
     */
    protected int concurrency() {
        return 1;
    }

    private List<StreamsEventResponse.BatchItemFailure> handleAll(DynamodbEvent event) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        int threads = Math.min(concurrency(), records.size());
        if (threads <= 1) {
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (DynamodbEvent.DynamodbStreamRecord record : records) {
                handleOne(record).ifPresent(failures::add);
            }
            return failures;
        }
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<Future<Optional<StreamsEventResponse.BatchItemFailure>>> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (DynamodbEvent.DynamodbStreamRecord record : records) {
                outcomes.add(pool.submit(() -> {
                    if (logContext != null) {
                        MDC.setContextMap(logContext);
                    }
                    try {
                        return handleOne(record);
                    } finally {
                        MDC.clear();
                    }
                }));
            }
            // every record started is let finish (no send cut off half-way) before anything is thrown
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            Error fatal = null;
            for (Future<Optional<StreamsEventResponse.BatchItemFailure>> outcome : outcomes) {
                try {
                    outcome.get().ifPresent(failures::add);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while handling a batch", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        fatal = fatal == null ? error : fatal; // a dying process: as it would have been in order
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
            if (fatal != null) {
                throw fatal;
            }
            return failures;
        } finally {
            pool.shutdown();
        }
    }

    private Optional<StreamsEventResponse.BatchItemFailure> handleOne(DynamodbEvent.DynamodbStreamRecord record) {
        try {
            handle(record);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.error("record failed ({}), reported for retry", e.getClass().getName(), e);
            return Optional.of(StreamsEventResponse.BatchItemFailure.builder()
                    .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
        }
    }

    /** A record's image as the table layout reads it (null stays null: an insert has no old image). */
    protected static TableLayout.Image image(Map<String, AttributeValue> image) {
        if (image == null) {
            return null;
        }
        return new TableLayout.Image() {
            @Override
            public String text(String name) {
                AttributeValue value = image.get(name);
                return value == null ? null : value.getS();
            }

            @Override
            public boolean flag(String name) {
                AttributeValue value = image.get(name);
                return value != null && Boolean.TRUE.equals(value.getBOOL());
            }

            @Override
            public Map<String, String> texts(String name) {
                AttributeValue value = image.get(name);
                Map<String, String> texts = new HashMap<>();
                if (value != null && value.getM() != null) {
                    value.getM().forEach((k, v) -> texts.put(k, v.getS()));
                }
                return texts;
            }
        };
    }
}

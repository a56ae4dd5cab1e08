package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialdeclik.local.testfunctions.ScriptedStreamHandler;

class StreamPollerTest {
    private static final String OUTBOX_FILTER = "{\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":[\"OUTBOX\"]}}}}";

    private final FakeStreams stream = new FakeStreams();
    private final FailureDestination failures = new FailureDestination();
    private final List<StreamPoller> pollers = new ArrayList<>();
    private LocalFunction function;

    @AfterEach
    void stop() {
        pollers.forEach(StreamPoller::close);
    }

    private StreamPoller poller(int batchSize, int maxRetries, boolean bisect, String startingPosition,
            Function<DynamodbEvent, StreamsEventResponse> behaviour, String... filters) {
        ScriptedStreamHandler.reset(behaviour);
        SamTemplate.StreamSource source = new SamTemplate.StreamSource("Stream", null, startingPosition, batchSize,
                maxRetries, bisect, true, List.of(filters), null, true);
        SamTemplate.FunctionSpec spec = new SamTemplate.FunctionSpec("TestFunction", "TestFunction",
                ScriptedStreamHandler.class.getName() + "::handleRequest", 5, 128, Map.of(), Map.of(), List.of(),
                List.of(source), List.of(), List.of(), List.of());
        // as many containers as the local run gives a function: the poller still uses one at a time
        function = LocalFunction.create(spec, Map.of(), "eu-west-3", "123456789012", LocalConfig.DEFAULT_CONCURRENCY);
        List<EventPattern> patterns = new ArrayList<>();
        for (String filter : filters) {
            patterns.add(EventPattern.parse(filter));
        }
        StreamPoller poller = new StreamPoller(function, source, FakeStreams.STREAM_ARN, patterns, stream,
                "eu-west-3", failures, "Dlq", Duration.ofMillis(5));
        pollers.add(poller);
        return poller;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s; batches: " + ScriptedStreamHandler.batches());
            }
            Thread.sleep(5);
        }
    }

    private static StreamsEventResponse ok(DynamodbEvent event) {
        return new StreamsEventResponse(List.of());
    }

    private static int delivered() {
        return ScriptedStreamHandler.batches().stream().mapToInt(List::size).sum();
    }

    @Test
    void deliversMatchingRecordsInOrderInBatchesOfAtMostBatchSize() throws Exception {
        for (int i = 1; i <= 7; i++) {
            stream.insert("o" + i, "OUTBOX");
        }
        StreamPoller poller = poller(3, -1, false, "TRIM_HORIZON", StreamPollerTest::ok, OUTBOX_FILTER);

        poller.start();
        await(() -> delivered() == 7);

        assertThat(ScriptedStreamHandler.batches()).containsExactly(
                List.of("o1", "o2", "o3"), List.of("o4", "o5", "o6"), List.of("o7"));
        assertThat(poller.ready()).isTrue();
    }

    @Test
    void oneBatchAtATimeInOneContainerThoughTheFunctionMayRunSeveral() throws Exception {
        for (int i = 1; i <= 30; i++) {
            stream.insert("o" + i, "OUTBOX");
        }
        StreamPoller poller = poller(2, -1, false, "TRIM_HORIZON", event -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok(event);
        });

        poller.start();
        await(() -> delivered() == 30);

        assertThat(function.maxContainers()).isEqualTo(LocalConfig.DEFAULT_CONCURRENCY).isGreaterThan(1);
        assertThat(function.peakConcurrency()).as("invocations at once on the shard").isEqualTo(1);
        assertThat(function.containers()).isEqualTo(1);
        assertThat(ScriptedStreamHandler.batches()).hasSize(15).first().isEqualTo(List.of("o1", "o2"));
        assertThat(ScriptedStreamHandler.batches().get(14)).isEqualTo(List.of("o29", "o30"));
    }

    @Test
    void recordsMatchingNoFilterAreDropped() throws Exception {
        stream.insert("m1", "MISSION");
        stream.insert("o1", "OUTBOX");
        stream.insert("p1", "PROFILE");
        StreamPoller poller = poller(10, -1, false, "TRIM_HORIZON", StreamPollerTest::ok, OUTBOX_FILTER);

        poller.start();
        await(() -> delivered() == 1 && poller.status().get("filteredOutRecords").equals(2L));

        assertThat(ScriptedStreamHandler.batches()).containsExactly(List.of("o1"));
    }

    @Test
    void recordsWrittenLaterAreDeliveredWithAFreshIteratorAfterTheLastOne() throws Exception {
        stream.insert("o1", "OUTBOX");
        StreamPoller poller = poller(10, -1, false, "TRIM_HORIZON", StreamPollerTest::ok);
        poller.start();
        await(() -> delivered() == 1);

        stream.insert("o2", "OUTBOX");
        await(() -> delivered() == 2);

        assertThat(ScriptedStreamHandler.batches()).containsExactly(List.of("o1"), List.of("o2"));
        assertThat(stream.iteratorTypes()).first().isEqualTo("TRIM_HORIZON");
        assertThat(stream.iteratorTypes()).contains("AFTER_SEQUENCE_NUMBER");
    }

    @Test
    void aReportedItemFailureIsRetriedFromThatRecordOn() throws Exception {
        stream.insert("o1", "OUTBOX");
        String third = stream.insert("o2", "OUTBOX");
        stream.insert("o3", "OUTBOX");
        AtomicInteger calls = new AtomicInteger();
        StreamPoller poller = poller(10, 3, false, "TRIM_HORIZON", event -> calls.incrementAndGet() == 1
                ? new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(third)))
                : new StreamsEventResponse(List.of()));

        poller.start();
        await(() -> ScriptedStreamHandler.batches().size() == 2);

        assertThat(ScriptedStreamHandler.batches()).containsExactly(List.of("o1", "o2", "o3"), List.of("o2", "o3"));
        assertThat(failures.records()).isZero();
    }

    @Test
    void aThrowingBatchIsBisectedUntilThePoisonRecordIsAloneThenSentToTheFailureDestination() throws Exception {
        for (String pk : List.of("o1", "o2", "poison", "o4")) {
            stream.insert(pk, "OUTBOX");
        }
        StreamPoller poller = poller(4, 1, true, "TRIM_HORIZON", event -> {
            if (event.getRecords().stream().anyMatch(r -> r.getDynamodb().getKeys().get("pk").getS().equals("poison"))) {
                throw new IllegalStateException("cannot handle this one");
            }
            return new StreamsEventResponse(List.of());
        });

        poller.start();
        await(() -> failures.records() == 1 && poller.status().get("deliveredRecords").equals(3L));

        assertThat(ScriptedStreamHandler.batches()).containsExactly(
                List.of("o1", "o2", "poison", "o4"),
                List.of("o1", "o2"),
                List.of("poison", "o4"),
                List.of("poison"),
                List.of("poison"),
                List.of("o4"));
        assertThat(failures.discarded()).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> batch = (Map<String, Object>) failures.discarded().get(0).get("DDBStreamBatchInfo");
        assertThat(batch).containsEntry("batchSize", 1).containsEntry("streamArn", FakeStreams.STREAM_ARN);
        assertThat(failures.discarded().get(0).toString()).doesNotContain("OUTBOX");
    }

    @Test
    void withoutBisectTheWholeBatchIsRetriedThenDiscardedAndThePollerMovesOn() throws Exception {
        stream.insert("o1", "OUTBOX");
        stream.insert("o2", "OUTBOX");
        StreamPoller poller = poller(10, 2, false, "TRIM_HORIZON", event -> {
            if (event.getRecords().get(0).getDynamodb().getKeys().get("pk").getS().equals("o1")) {
                throw new IllegalStateException("down");
            }
            return new StreamsEventResponse(List.of());
        });

        poller.start();
        await(() -> failures.records() == 2);
        stream.insert("o3", "OUTBOX");
        await(() -> poller.status().get("deliveredRecords").equals(1L));

        assertThat(ScriptedStreamHandler.batches()).containsExactly(List.of("o1", "o2"), List.of("o1", "o2"),
                List.of("o1", "o2"), List.of("o3"));
    }

    @Test
    void startingPositionLatestSkipsWhatIsAlreadyInTheStream() throws Exception {
        stream.insert("old", "OUTBOX");
        StreamPoller poller = poller(10, -1, false, "LATEST", StreamPollerTest::ok);
        poller.start();
        await(poller::ready);

        stream.insert("new", "OUTBOX");
        await(() -> delivered() == 1);

        assertThat(ScriptedStreamHandler.batches()).containsExactly(List.of("new"));
    }
}

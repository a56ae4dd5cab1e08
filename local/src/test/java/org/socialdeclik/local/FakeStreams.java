package org.socialdeclik.local;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** An in-memory DynamoDB stream with one shard, for the poller's unit tests (no network). */
final class FakeStreams implements DynamoDbStreamsClient {
    static final String STREAM_ARN = "arn:aws:dynamodb:eu-west-3:123456789012:table/t/stream/2027-01-01T00:00:00";
    private static final String SHARD = "shardId-1";

    private final List<Record> records = new ArrayList<>();
    private final List<String> iteratorTypes = new ArrayList<>();
    private long nextSequence = 100;

    /** Appends an INSERT of an item {pk, entity}; returns its sequence number. */
    synchronized String insert(String pk, String entity) {
        String sequence = String.valueOf(nextSequence++);
        Map<String, AttributeValue> image = Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("x"),
                "entity", AttributeValue.fromS(entity));
        records.add(Record.builder().eventID("id-" + sequence).eventName(OperationType.INSERT).eventVersion("1.1")
                .eventSource("aws:dynamodb").awsRegion("eu-west-3")
                .dynamodb(StreamRecord.builder().keys(Map.of("pk", image.get("pk"), "sk", image.get("sk")))
                        .newImage(image).sequenceNumber(sequence).sizeBytes(50L)
                        .approximateCreationDateTime(Instant.now()).streamViewType("NEW_AND_OLD_IMAGES").build())
                .build());
        return sequence;
    }

    synchronized List<String> iteratorTypes() {
        return List.copyOf(iteratorTypes);
    }

    @Override
    public synchronized DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        return DescribeStreamResponse.builder().streamDescription(StreamDescription.builder()
                .streamArn(STREAM_ARN).shards(Shard.builder().shardId(SHARD).build()).build()).build();
    }

    @Override
    public synchronized GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        iteratorTypes.add(request.shardIteratorTypeAsString());
        String position = request.shardIteratorType() == ShardIteratorType.AFTER_SEQUENCE_NUMBER
                ? request.sequenceNumber() : "0";
        return GetShardIteratorResponse.builder().shardIterator(position).build();
    }

    @Override
    public synchronized GetRecordsResponse getRecords(GetRecordsRequest request) {
        BigInteger after = new BigInteger(request.shardIterator());
        List<Record> out = new ArrayList<>();
        for (Record record : records) {
            if (new BigInteger(record.dynamodb().sequenceNumber()).compareTo(after) > 0 && out.size() < request.limit()) {
                out.add(record);
            }
        }
        return GetRecordsResponse.builder().records(out).nextShardIterator("unused").build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}

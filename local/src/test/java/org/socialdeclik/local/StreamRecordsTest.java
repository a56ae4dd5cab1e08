package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class StreamRecordsTest {
    private static final String STREAM = "arn:aws:dynamodb:eu-west-3:123456789012:table/t/stream/2027-01-01T00:00:00";
    private static final Instant CREATED = Instant.parse("2027-01-02T03:04:05Z");

    private static Record record(Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) {
        StreamRecord.Builder data = StreamRecord.builder()
                .approximateCreationDateTime(CREATED)
                .keys(Map.of("pk", AttributeValue.fromS("MISSION#1"), "sk", AttributeValue.fromS("MISSION")))
                .sequenceNumber("1100000000017454423009")
                .sizeBytes(346L)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        if (newImage != null) {
            data.newImage(newImage);
        }
        if (oldImage != null) {
            data.oldImage(oldImage);
        }
        return Record.builder().eventID("e1").eventName(OperationType.MODIFY).eventVersion("1.1")
                .eventSource("aws:dynamodb").awsRegion("us-east-1").dynamodb(data.build()).build();
    }

    private static Map<String, AttributeValue> everyType() {
        return Map.ofEntries(
                Map.entry("s", AttributeValue.fromS("texte é")),
                Map.entry("n", AttributeValue.fromN("42.5")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromUtf8String("bin"))),
                Map.entry("bool", AttributeValue.fromBool(true)),
                Map.entry("null", AttributeValue.fromNul(true)),
                Map.entry("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromS("x")))),
                Map.entry("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromBool(false)))),
                Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")))));
    }

    @Test
    void aStreamRecordBecomesTheLambdaEventRecordOfItsStream() {
        DynamodbEvent.DynamodbStreamRecord out = StreamRecords.toLambda(
                record(Map.of("pk", AttributeValue.fromS("MISSION#1")), null), STREAM, "eu-west-3");

        assertThat(out.getEventID()).isEqualTo("e1");
        assertThat(out.getEventName()).isEqualTo("MODIFY");
        assertThat(out.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(out.getEventSourceARN()).isEqualTo(STREAM);
        assertThat(out.getAwsRegion()).isEqualTo("eu-west-3");
        assertThat(out.getDynamodb().getSequenceNumber()).isEqualTo("1100000000017454423009");
        assertThat(out.getDynamodb().getSizeBytes()).isEqualTo(346L);
        assertThat(out.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(out.getDynamodb().getApproximateCreationDateTime()).isEqualTo(Date.from(CREATED));
        assertThat(out.getDynamodb().getKeys().get("pk").getS()).isEqualTo("MISSION#1");
        assertThat(out.getDynamodb().getOldImage()).isNull();
    }

    @Test
    void everyAttributeTypeIsConvertedRecursively() {
        var image = StreamRecords.toLambda(record(everyType(), everyType()), STREAM, "eu-west-3")
                .getDynamodb().getNewImage();

        assertThat(image.get("s").getS()).isEqualTo("texte é");
        assertThat(image.get("n").getN()).isEqualTo("42.5");
        assertThat(image.get("b").getB()).isEqualTo(ByteBuffer.wrap("bin".getBytes(StandardCharsets.UTF_8)));
        assertThat(image.get("bool").getBOOL()).isTrue();
        assertThat(image.get("null").getNULL()).isTrue();
        assertThat(image.get("m").getM().get("inner").getS()).isEqualTo("x");
        assertThat(image.get("l").getL()).hasSize(2);
        assertThat(image.get("l").getL().get(0).getN()).isEqualTo("1");
        assertThat(image.get("l").getL().get(1).getBOOL()).isFalse();
        assertThat(image.get("ss").getSS()).containsExactly("a", "b");
        assertThat(image.get("ns").getNS()).containsExactly("1", "2");
        assertThat(image.get("bs").getBS()).containsExactly(ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theOldImageIsKeptForModifications() {
        var data = StreamRecords.toLambda(record(everyType(), Map.of("s", AttributeValue.fromS("before"))), STREAM,
                "eu-west-3").getDynamodb();

        assertThat(data.getOldImage().get("s").getS()).isEqualTo("before");
    }

    @Test
    void theFilterViewIsTheLambdaEventJsonWithTypedValues() {
        JsonNode json = StreamRecords.toFilterJson(record(everyType(), null), STREAM, "eu-west-3");

        assertThat(json.get("eventName").asText()).isEqualTo("MODIFY");
        assertThat(json.get("eventSourceARN").asText()).isEqualTo(STREAM);
        JsonNode image = json.get("dynamodb").get("NewImage");
        assertThat(image.get("s").get("S").asText()).isEqualTo("texte é");
        assertThat(image.get("n").get("N").isTextual()).isTrue();
        assertThat(image.get("bool").get("BOOL").asBoolean()).isTrue();
        assertThat(image.get("null").get("NULL").asBoolean()).isTrue();
        assertThat(image.get("m").get("M").get("inner").get("S").asText()).isEqualTo("x");
        assertThat(image.get("ss").get("SS").size()).isEqualTo(2);
        assertThat(json.get("dynamodb").get("Keys").get("sk").get("S").asText()).isEqualTo("MISSION");
    }
}

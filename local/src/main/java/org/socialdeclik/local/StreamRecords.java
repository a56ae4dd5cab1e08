package org.socialdeclik.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns what DynamoDB Streams answers (SDK v2 model) into what Lambda hands a stream function
 * (the aws-lambda-java-events model), and into the JSON that Lambda's event filtering sees.
 */
final class StreamRecords {
    static final String EVENT_SOURCE = "aws:dynamodb";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamRecords() {
    }

    static DynamodbEvent.DynamodbStreamRecord toLambda(Record record, String streamArn, String region) {
        DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
        out.setEventID(record.eventID());
        out.setEventName(record.eventNameAsString());
        out.setEventVersion(record.eventVersion());
        out.setEventSource(EVENT_SOURCE);
        out.setAwsRegion(region);
        out.setEventSourceARN(streamArn);
        if (record.userIdentity() != null) {
            Identity identity = new Identity();
            identity.setPrincipalId(record.userIdentity().principalId());
            identity.setType(record.userIdentity().type());
            out.setUserIdentity(identity);
        }
        software.amazon.awssdk.services.dynamodb.model.StreamRecord in = record.dynamodb();
        if (in != null) {
            StreamRecord data = new StreamRecord();
            if (in.approximateCreationDateTime() != null) {
                data.setApproximateCreationDateTime(Date.from(in.approximateCreationDateTime()));
            }
            if (in.hasKeys()) {
                data.setKeys(toLambda(in.keys()));
            }
            if (in.hasNewImage()) {
                data.setNewImage(toLambda(in.newImage()));
            }
            if (in.hasOldImage()) {
                data.setOldImage(toLambda(in.oldImage()));
            }
            data.setSequenceNumber(in.sequenceNumber());
            data.setSizeBytes(in.sizeBytes());
            if (in.streamViewTypeAsString() != null) {
                data.setStreamViewType(StreamViewType.fromValue(in.streamViewTypeAsString()));
            }
            out.setDynamodb(data);
        }
        return out;
    }

    static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> toLambda(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
                new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, toLambda(value)));
        return out;
    }

    static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue toLambda(AttributeValue value) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> out.setS(value.s());
            case N -> out.setN(value.n());
            case B -> out.setB(value.b().asByteBuffer());
            case BOOL -> out.setBOOL(value.bool());
            case NUL -> out.setNULL(Boolean.TRUE);
            case SS -> out.setSS(new ArrayList<>(value.ss()));
            case NS -> out.setNS(new ArrayList<>(value.ns()));
            case BS -> {
                List<ByteBuffer> buffers = new ArrayList<>();
                for (SdkBytes bytes : value.bs()) {
                    buffers.add(bytes.asByteBuffer());
                }
                out.setBS(buffers);
            }
            case M -> out.setM(toLambda(value.m()));
            case L -> {
                List<com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> items =
                        new ArrayList<>();
                for (AttributeValue item : value.l()) {
                    items.add(toLambda(item));
                }
                out.setL(items);
            }
            default -> throw new IllegalArgumentException("Unknown DynamoDB attribute type " + value.type());
        }
        return out;
    }

    /** The record as Lambda's event filtering sees it: the Lambda event JSON, DynamoDB-typed values. */
    static ObjectNode toFilterJson(Record record, String streamArn, String region) {
        ObjectNode json = NODES.objectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", record.eventVersion());
        json.put("eventSource", EVENT_SOURCE);
        json.put("awsRegion", region);
        json.put("eventSourceARN", streamArn);
        if (record.userIdentity() != null) {
            ObjectNode identity = json.putObject("userIdentity");
            identity.put("principalId", record.userIdentity().principalId());
            identity.put("type", record.userIdentity().type());
        }
        software.amazon.awssdk.services.dynamodb.model.StreamRecord in = record.dynamodb();
        if (in != null) {
            ObjectNode data = json.putObject("dynamodb");
            if (in.approximateCreationDateTime() != null) {
                data.put("ApproximateCreationDateTime", in.approximateCreationDateTime().getEpochSecond());
            }
            if (in.hasKeys()) {
                data.set("Keys", toJson(in.keys()));
            }
            if (in.hasNewImage()) {
                data.set("NewImage", toJson(in.newImage()));
            }
            if (in.hasOldImage()) {
                data.set("OldImage", toJson(in.oldImage()));
            }
            data.put("SequenceNumber", in.sequenceNumber());
            if (in.sizeBytes() != null) {
                data.put("SizeBytes", in.sizeBytes());
            }
            data.put("StreamViewType", in.streamViewTypeAsString());
        }
        return json;
    }

    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode json = NODES.objectNode();
        item.forEach((name, value) -> json.set(name, toJson(value)));
        return json;
    }

    static ObjectNode toJson(AttributeValue value) {
        ObjectNode json = NODES.objectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> {
                ArrayNode array = json.putArray("BS");
                value.bs().forEach(b -> array.add(Base64.getEncoder().encodeToString(b.asByteArray())));
            }
            case M -> json.set("M", toJson(value.m()));
            case L -> {
                ArrayNode array = json.putArray("L");
                value.l().forEach(item -> array.add(toJson(item)));
            }
            default -> throw new IllegalArgumentException("Unknown DynamoDB attribute type " + value.type());
        }
        return json;
    }
}

package org.socialdeclik.shared.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.socialdeclik.shared.Json;

/**
 * Lambda's event and response JSON, read and written by hand with {@link Json} (Jackson's
 * streaming parser and its tree nodes), for the event types this platform receives.
 *
 * <p>Why by hand: a {@code RequestHandler<DynamodbEvent, ...>} makes the Java runtime build, at
 * init, its own reflective serializer for the event class (a second, shaded Jackson with mix-ins
 * and modules): a third of a stream function's init in {@code make bench-coldstart}. The
 * functions are {@code RequestStreamHandler}s instead, and this class turns the bytes into the
 * same {@code aws-lambda-java-events} objects with a tree walk: no reflection, nothing built
 * before the first event. {@code EventJsonTest} holds it to the runtime's own serializer on every
 * sample of {@code events/}.
 */
public final class EventJson {
    private EventJson() {}

    // ---------------------------------------------------------------- reading

    private static JsonNode tree(InputStream input) {
        try {
            JsonNode node = Json.parse(input);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the event is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("the event is not valid JSON", e);
        }
    }

    public static DynamodbEvent dynamodbEvent(InputStream input) {
        return dynamodbEvent(tree(input));
    }

    private static DynamodbEvent dynamodbEvent(JsonNode root) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(list(root.get("Records"), EventJson::streamRecord));
        return event;
    }

    private static DynamodbEvent.DynamodbStreamRecord streamRecord(JsonNode node) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(text(node, "eventID"));
        record.setEventName(text(node, "eventName"));
        record.setEventVersion(text(node, "eventVersion"));
        record.setEventSource(text(node, "eventSource"));
        record.setAwsRegion(text(node, "awsRegion"));
        record.setEventSourceARN(text(node, "eventSourceARN"));
        JsonNode dynamodb = node.get("dynamodb");
        if (dynamodb != null && dynamodb.isObject()) {
            StreamRecord change = new StreamRecord();
            JsonNode created = dynamodb.get("ApproximateCreationDateTime");
            if (created != null && created.isNumber()) {
                change.setApproximateCreationDateTime(new Date(Math.round(created.doubleValue() * 1000)));
            }
            change.setKeys(image(dynamodb.get("Keys")));
            change.setNewImage(image(dynamodb.get("NewImage")));
            change.setOldImage(image(dynamodb.get("OldImage")));
            change.setSequenceNumber(text(dynamodb, "SequenceNumber"));
            JsonNode size = dynamodb.get("SizeBytes");
            if (size != null && size.isNumber()) {
                change.setSizeBytes(size.longValue());
            }
            String view = text(dynamodb, "StreamViewType");
            if (view != null) {
                try {
                    change.setStreamViewType(StreamViewType.fromValue(view));
                } catch (IllegalArgumentException e) {
                    // a view type newer than this library: the consumers never read it
                }
            }
            record.setDynamodb(change);
        }
        return record;
    }

    private static Map<String, AttributeValue> image(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        node.properties().forEach(e -> image.put(e.getKey(), attribute(e.getValue())));
        return image;
    }

    /** One DynamoDB attribute value in its typed JSON form: {"S": ...}, {"M": {...}}, ... */
    static AttributeValue attribute(JsonNode node) {
        AttributeValue value = new AttributeValue();
        if (node == null || !node.isObject()) {
            return value;
        }
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "S" -> value.setS(v.asText());
                case "N" -> value.setN(v.asText());
                case "B" -> value.setB(bytes(v));
                case "SS" -> value.setSS(list(v, JsonNode::asText));
                case "NS" -> value.setNS(list(v, JsonNode::asText));
                case "BS" -> value.setBS(list(v, EventJson::bytes));
                case "M" -> value.setM(image(v));
                case "L" -> value.setL(list(v, EventJson::attribute));
                case "NULL" -> value.setNULL(v.asBoolean());
                case "BOOL" -> value.setBOOL(v.asBoolean());
                default -> { } // a type this platform never stores
            }
        });
        return value;
    }

    private static ByteBuffer bytes(JsonNode node) {
        return ByteBuffer.wrap(Base64.getDecoder().decode(node.asText()));
    }

    public static APIGatewayV2HTTPEvent httpEvent(InputStream input) {
        return httpEvent(tree(input));
    }

    /** An HTTP API payload, format 2.0. */
    private static APIGatewayV2HTTPEvent httpEvent(JsonNode root) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(root, "version"));
        event.setRouteKey(text(root, "routeKey"));
        event.setRawPath(text(root, "rawPath"));
        event.setRawQueryString(text(root, "rawQueryString"));
        event.setCookies(list(root.get("cookies"), JsonNode::asText));
        event.setHeaders(strings(root.get("headers")));
        event.setQueryStringParameters(strings(root.get("queryStringParameters")));
        event.setPathParameters(strings(root.get("pathParameters")));
        event.setStageVariables(strings(root.get("stageVariables")));
        event.setBody(text(root, "body"));
        event.setIsBase64Encoded(root.path("isBase64Encoded").asBoolean(false));
        JsonNode context = root.get("requestContext");
        if (context != null && context.isObject()) {
            APIGatewayV2HTTPEvent.RequestContext request = new APIGatewayV2HTTPEvent.RequestContext();
            request.setRouteKey(text(context, "routeKey"));
            request.setAccountId(text(context, "accountId"));
            request.setStage(text(context, "stage"));
            request.setApiId(text(context, "apiId"));
            request.setDomainName(text(context, "domainName"));
            request.setDomainPrefix(text(context, "domainPrefix"));
            request.setTime(text(context, "time"));
            request.setTimeEpoch(context.path("timeEpoch").asLong(0));
            request.setRequestId(text(context, "requestId"));
            JsonNode http = context.get("http");
            if (http != null && http.isObject()) {
                APIGatewayV2HTTPEvent.RequestContext.Http details = new APIGatewayV2HTTPEvent.RequestContext.Http();
                details.setMethod(text(http, "method"));
                details.setPath(text(http, "path"));
                details.setProtocol(text(http, "protocol"));
                details.setSourceIp(text(http, "sourceIp"));
                details.setUserAgent(text(http, "userAgent"));
                request.setHttp(details);
            }
            event.setRequestContext(request);
        }
        return event;
    }

    public static SNSEvent snsEvent(InputStream input) {
        return snsEvent(tree(input));
    }

    private static SNSEvent snsEvent(JsonNode root) {
        SNSEvent event = new SNSEvent();
        event.setRecords(list(root.get("Records"), node -> {
            SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
            record.setEventSource(text(node, "EventSource"));
            record.setEventVersion(text(node, "EventVersion"));
            record.setEventSubscriptionArn(text(node, "EventSubscriptionArn"));
            JsonNode sns = node.get("Sns");
            if (sns != null && sns.isObject()) {
                SNSEvent.SNS message = new SNSEvent.SNS();
                message.setType(text(sns, "Type"));
                message.setMessageId(text(sns, "MessageId"));
                message.setTopicArn(text(sns, "TopicArn"));
                message.setSubject(text(sns, "Subject"));
                message.setMessage(text(sns, "Message"));
                message.setSignatureVersion(text(sns, "SignatureVersion"));
                message.setSignature(text(sns, "Signature"));
                message.setSigningCertUrl(text(sns, "SigningCertUrl"));
                message.setUnsubscribeUrl(text(sns, "UnsubscribeUrl"));
                String timestamp = text(sns, "Timestamp");
                if (timestamp != null) {
                    message.setTimestamp(new DateTime(Instant.parse(timestamp).toEpochMilli(), DateTimeZone.UTC));
                }
                JsonNode attributes = sns.get("MessageAttributes");
                if (attributes != null && attributes.isObject()) {
                    Map<String, SNSEvent.MessageAttribute> map = new LinkedHashMap<>();
                    attributes.properties().forEach(e -> map.put(e.getKey(), new SNSEvent.MessageAttribute()
                            .withType(text(e.getValue(), "Type")).withValue(text(e.getValue(), "Value"))));
                    message.setMessageAttributes(map);
                }
                record.setSns(message);
            }
            return record;
        }));
        return event;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> strings(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return map;
    }

    private static <T> List<T> list(JsonNode node, Function<JsonNode, T> element) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<T> list = new ArrayList<>(node.size());
        node.forEach(item -> list.add(element.apply(item)));
        return list;
    }

    // ---------------------------------------------------------------- writing

    public static void write(StreamsEventResponse response, OutputStream output) {
        ObjectNode root = Json.object();
        ArrayNode failures = root.putArray("batchItemFailures");
        if (response.getBatchItemFailures() != null) {
            response.getBatchItemFailures().forEach(f -> failures.addObject().put("itemIdentifier", f.getItemIdentifier()));
        }
        write(root, output);
    }

    public static void write(APIGatewayV2HTTPResponse response, OutputStream output) {
        ObjectNode root = Json.object();
        root.put("statusCode", response.getStatusCode());
        if (response.getHeaders() != null) {
            ObjectNode headers = root.putObject("headers");
            response.getHeaders().forEach(headers::put);
        }
        if (response.getMultiValueHeaders() != null) {
            ObjectNode headers = root.putObject("multiValueHeaders");
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(headers.putArray(name)::add));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(root.putArray("cookies")::add);
        }
        if (response.getBody() != null) {
            root.put("body", response.getBody());
        }
        root.put("isBase64Encoded", response.getIsBase64Encoded());
        write(root, output);
    }

    /** A plain string answer (what a {@code RequestHandler<?, String>} returns), as JSON. */
    public static void write(String answer, OutputStream output) {
        write(Json.nodes().textNode(answer), output);
    }

    private static void write(JsonNode node, OutputStream output) {
        try {
            output.write(Json.bytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the function's answer", e);
        }
    }
}

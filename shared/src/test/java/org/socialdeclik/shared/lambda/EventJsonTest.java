package org.socialdeclik.shared.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * EventJson against the serializer of Lambda's Java runtime (aws-lambda-java-serialization, the
 * version the runtime interface client of perf/ ships), chosen as the runtime chooses it: on
 * every sample of events/, and on values that use what the samples do not.
 */
class EventJsonTest {

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> runtime(Class<T> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, EventJsonTest.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }

    private static Stream<Path> samples(String... folders) throws URISyntaxException, IOException {
        Stream<Path> all = Stream.empty();
        for (String folder : folders) {
            Path dir = Path.of(EventJsonTest.class.getClassLoader().getResource("events/" + folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                all = Stream.concat(all, files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream());
            }
        }
        return all;
    }

    static Stream<Path> httpSamples() throws Exception {
        return samples("missions", "profiles");
    }

    static Stream<Path> streamSamples() throws Exception {
        return samples("matching", "notifier");
    }

    static Stream<Path> snsSamples() throws Exception {
        return samples("feedback");
    }

    private static <T> void readsAsTheRuntimeDoes(Path sample, Class<T> type, Function<InputStream, T> ours)
            throws IOException {
        byte[] json = Files.readAllBytes(sample);
        T expected = runtime(type).fromJson(new ByteArrayInputStream(json));
        T actual = ours.apply(new ByteArrayInputStream(json));
        assertThat(actual).as(sample.getFileName().toString()).usingRecursiveComparison().isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("httpSamples")
    void reads_every_http_sample_as_the_runtime_does(Path sample) throws IOException {
        readsAsTheRuntimeDoes(sample, APIGatewayV2HTTPEvent.class, EventJson::httpEvent);
    }

    @ParameterizedTest
    @MethodSource("streamSamples")
    void reads_every_stream_sample_as_the_runtime_does(Path sample) throws IOException {
        readsAsTheRuntimeDoes(sample, DynamodbEvent.class, EventJson::dynamodbEvent);
    }

    @ParameterizedTest
    @MethodSource("snsSamples")
    void reads_every_sns_sample_as_the_runtime_does(Path sample) throws IOException {
        readsAsTheRuntimeDoes(sample, SNSEvent.class, EventJson::snsEvent);
    }

    private static <T> T roundTrip(T value, Class<T> type, Function<InputStream, T> ours) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runtime(type).toJson(value, out);
        return ours.apply(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void reads_every_attribute_type_and_every_image_the_runtime_writes() {
        AttributeValue all = new AttributeValue().withM(Map.of(
                "s", new AttributeValue().withS("é\"<x>"),
                "n", new AttributeValue().withN("-12.5e3"),
                "b", new AttributeValue().withB(ByteBuffer.wrap(new byte[] {0, 1, (byte) 255})),
                "ss", new AttributeValue().withSS(List.of("a", "b")),
                "ns", new AttributeValue().withNS(List.of("1", "2")),
                "bs", new AttributeValue().withBS(List.of(ByteBuffer.wrap(new byte[] {7}))),
                "l", new AttributeValue().withL(List.of(new AttributeValue().withBOOL(false),
                        new AttributeValue().withNULL(true))),
                "bool", new AttributeValue().withBOOL(true)));
        StreamRecord change = new StreamRecord()
                .withApproximateCreationDateTime(new Date(1_795_809_600_000L))
                .withKeys(Map.of("pk", new AttributeValue().withS("K")))
                .withNewImage(Map.of("pk", new AttributeValue().withS("K"), "doc", all))
                .withOldImage(Map.of("pk", new AttributeValue().withS("K"), "gone", new AttributeValue().withN("1")))
                .withSequenceNumber("300").withSizeBytes(99L).withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID("e1");
        record.setEventName("MODIFY");
        record.setEventSource("aws:dynamodb");
        record.setEventSourceARN("arn:aws:dynamodb:eu-west-3:123456789012:table/t/stream/x");
        record.setAwsRegion("eu-west-3");
        record.setDynamodb(change);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));

        DynamodbEvent read = roundTrip(event, DynamodbEvent.class, EventJson::dynamodbEvent);

        assertThat(read).usingRecursiveComparison().isEqualTo(runtime(DynamodbEvent.class)
                .fromJson(new ByteArrayInputStream(json(event, DynamodbEvent.class))));
        assertThat(read.getRecords().get(0).getDynamodb().getNewImage().get("doc").getM().get("b").getB())
                .isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, (byte) 255}));
        assertThat(read.getRecords().get(0).getDynamodb().getOldImage()).containsKey("gone");
    }

    @Test
    void reads_query_strings_cookies_base64_bodies_and_the_request_context() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("GET /missions/{id}").withRawPath("/missions/m1").withRawQueryString("a=1&b=%C3%A9")
                .withCookies(List.of("c=1")).withHeaders(Map.of("accept-language", "en"))
                .withQueryStringParameters(Map.of("a", "1", "b", "é")).withPathParameters(Map.of("id", "m1"))
                .withBody("eyJ4IjoxfQ==").withIsBase64Encoded(true)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("r1")
                        .withRouteKey("GET /missions/{id}").withStage("$default").withTimeEpoch(1_795_809_600_000L)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/missions/m1").withSourceIp("203.0.113.9").withUserAgent("t").build())
                        .build())
                .build();

        APIGatewayV2HTTPEvent read = roundTrip(event, APIGatewayV2HTTPEvent.class, EventJson::httpEvent);

        assertThat(read).usingRecursiveComparison().isEqualTo(event);
    }

    @Test
    void writes_a_batch_response_the_runtime_reads_back() {
        StreamsEventResponse response = StreamsEventResponse.builder().withBatchItemFailures(List.of(
                StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier("200").build(),
                StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier("300").build())).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        EventJson.write(response, out);

        assertThat(runtime(StreamsEventResponse.class).fromJson(new ByteArrayInputStream(out.toByteArray())))
                .usingRecursiveComparison().isEqualTo(response);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"},{\"itemIdentifier\":\"300\"}]}");
    }

    @Test
    void writes_an_empty_batch_response_as_an_empty_list() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        EventJson.write(StreamsEventResponse.builder().withBatchItemFailures(List.of()).build(), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void writes_an_http_response_the_runtime_reads_back() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(400)
                .withHeaders(Map.of("Content-Type", "application/problem+json; charset=utf-8"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Origin", "Accept-Language")))
                .withCookies(List.of("a=b")).withBody("{\"title\":\"Requête \\\"invalide\\\"\"}")
                .withIsBase64Encoded(false).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        EventJson.write(response, out);

        assertThat(runtime(APIGatewayV2HTTPResponse.class).fromJson(new ByteArrayInputStream(out.toByteArray())))
                .usingRecursiveComparison().isEqualTo(response);
    }

    @Test
    void writes_a_string_answer_as_a_json_string() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        EventJson.write("proposed 2, postponed \"1\"", out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\"proposed 2, postponed \\\"1\\\"\"");
    }

    @Test
    void refuses_what_is_not_a_json_object() {
        assertThatThrownBy(() -> EventJson.dynamodbEvent(stream("{\"Records\": [")))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> EventJson.httpEvent(stream("[1, 2]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventJson.snsEvent(stream("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_event_without_records_has_none() {
        assertThat(EventJson.dynamodbEvent(stream("{}")).getRecords()).isNull();
        assertThat(EventJson.snsEvent(stream("{\"Records\":[]}")).getRecords()).isEmpty();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> byte[] json(T value, Class<T> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runtime(type).toJson(value, out);
        return out.toByteArray();
    }
}

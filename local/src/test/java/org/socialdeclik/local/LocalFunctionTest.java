package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialdeclik.local.testfunctions.JsonStreamHandler;

class LocalFunctionTest {

    @BeforeEach
    void reset() {
        JsonStreamHandler.RAW.clear();
        JsonStreamHandler.TYPED.clear();
    }

    private static LocalFunction function(String handler) {
        SamTemplate.FunctionSpec spec = new SamTemplate.FunctionSpec("TestFunction", "TestFunction", handler, 5, 128,
                Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        return LocalFunction.create(spec, Map.of(), "eu-west-3", "123456789012");
    }

    private static DynamodbEvent event(String key) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withSequenceNumber("2")
                .withKeys(Map.of("pk", new AttributeValue().withS(key)))
                .withNewImage(Map.of("pk", new AttributeValue().withS(key))));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    @Test
    void a_stream_handler_named_by_its_class_gets_the_json_lambda_would_give_it_and_its_answer_is_read_back() {
        LocalFunction function = function(JsonStreamHandler.class.getName());

        Object answer = function.invoke(event("bad"));

        assertThat(JsonStreamHandler.RAW).singleElement().satisfies(json -> assertThat(json)
                .contains("\"Records\"", "\"NewImage\"", "\"Keys\"", "\"SequenceNumber\":\"2\"", "\"S\":\"bad\""));
        assertThat(JsonStreamHandler.TYPED).isEmpty();
        assertThat(answer).isInstanceOf(StreamsEventResponse.class);
        assertThat(((StreamsEventResponse) answer).getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier).containsExactly("2");
        assertThat(function.eventType()).isEqualTo(DynamodbEvent.class);
    }

    @Test
    void a_handler_named_with_a_method_is_called_with_the_event_object() {
        LocalFunction function = function(JsonStreamHandler.class.getName() + "::handleRequest");

        function.invoke(event("o1"));

        assertThat(JsonStreamHandler.TYPED).containsExactly("o1");
        assertThat(JsonStreamHandler.RAW).isEmpty();
    }

    @Test
    void what_a_stream_handler_throws_is_the_function_error() {
        LocalFunction function = function(JsonStreamHandler.class.getName());

        assertThatThrownBy(() -> function.invoke(event("explode")))
                .isInstanceOf(LocalFunction.FunctionError.class)
                .hasCauseInstanceOf(IOException.class);
    }
}

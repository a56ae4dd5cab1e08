package org.socialdeclik.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.ports.FailureQueue;

/** Reading the records Lambda parks in the stream failure queue. */
class SqsFailureQueueTest {

    @Test
    void a_lambda_stream_failure_record_gives_its_function_size_and_last_arrival() {
        String body = """
                {"version": "1.0", "timestamp": "2026-12-07T10:00:05.000Z",
                 "requestContext": {"requestId": "r", "functionArn": "arn:aws:lambda:eu-west-3:123456789012:function:stack-Notifier:live",
                                    "condition": "RetryAttemptsExhausted", "approximateInvokeCount": 6},
                 "responseContext": {"statusCode": 200, "executedVersion": "3", "functionError": "Unhandled"},
                 "DDBStreamBatchInfo": {"shardId": "shardId-1", "startSequenceNumber": "100", "endSequenceNumber": "102",
                                        "approximateArrivalOfFirstRecord": "2026-12-07T09:59:00Z",
                                        "approximateArrivalOfLastRecord": "2026-12-07T09:59:30Z", "batchSize": 3,
                                        "streamArn": "arn:aws:dynamodb:eu-west-3:123456789012:table/t/stream/x"}}
                """;

        FailureQueue.Parked parked = SqsFailureQueue.parse("m-1", "receipt-1", body);

        assertThat(parked.function()).isEqualTo("stack-Notifier:live");
        assertThat(parked.records()).isEqualTo(3);
        assertThat(parked.lastRecordArrival()).isEqualTo(Instant.parse("2026-12-07T09:59:30Z"));
        assertThat(parked.receipt()).isEqualTo("receipt-1");
    }

    @Test
    void a_message_that_is_not_such_a_record_has_no_arrival_so_it_is_never_taken_as_accounted_for() {
        assertThat(SqsFailureQueue.parse("m-2", "r", "hello").lastRecordArrival()).isNull();
        assertThat(SqsFailureQueue.parse("m-3", "r", "{\"DDBStreamBatchInfo\": {}}").lastRecordArrival()).isNull();
    }
}

package org.socialdeclik.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.ports.FailureQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The stream failure queue through SQS. Its messages are the invocation records Lambda writes for
 * a stream batch that ran out of retries: {@code requestContext.functionArn} and
 * {@code DDBStreamBatchInfo} (shard, sequence numbers, {@code batchSize},
 * {@code approximateArrivalOfLastRecord}); nothing of the records' data.
 */
final class SqsFailureQueue implements FailureQueue {
    /** A message kept for later (its work still open) reappears after this, well before the next run. */
    static final int HIDDEN_SECONDS = 30;

    private final SqsClient sqs;
    private final String url;
    private final int hiddenSeconds;

    SqsFailureQueue(SqsClient sqs, String url, int hiddenSeconds) {
        this.sqs = sqs;
        this.url = url;
        this.hiddenSeconds = hiddenSeconds;
    }

    @Override
    public List<Parked> receive(int max) {
        List<Parked> parked = new ArrayList<>();
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max)
                .visibilityTimeout(hiddenSeconds).waitTimeSeconds(0)).messages()) {
            parked.add(parse(message.messageId(), message.receiptHandle(), message.body()));
        }
        return parked;
    }

    @Override
    public void delete(Parked parked) {
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(parked.receipt()));
    }

    /** A message as Lambda writes it; one that is not (null arrival time) is never deleted. */
    static Parked parse(String messageId, String receipt, String body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (Exception e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new Parked(messageId, receipt, "unknown", 0, null);
        }
        String arn = root.path("requestContext").path("functionArn").asText("");
        String function = arn.contains(":function:") ? arn.substring(arn.indexOf(":function:") + 10) : arn;
        JsonNode batch = root.path("DDBStreamBatchInfo");
        Instant last;
        try {
            last = Instant.parse(batch.path("approximateArrivalOfLastRecord").asText(""));
        } catch (DateTimeParseException e) {
            last = null;
        }
        return new Parked(messageId, receipt, function, batch.path("batchSize").asInt(0), last);
    }
}

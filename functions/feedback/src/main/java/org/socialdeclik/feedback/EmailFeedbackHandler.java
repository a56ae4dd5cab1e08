package org.socialdeclik.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.logging.Invocation;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.app.FeedbackService;
import org.socialdeclik.shared.aws.DynamoStore;
import org.socialdeclik.shared.aws.SesEmailSender;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.lambda.EventJson;
import org.socialdeclik.shared.warmup.Priming;

/**
 * SNS: the events of the SES configuration set. A send event is the evidence that SES took a
 * message: it is recorded on the outbox item its tags name. A permanent bounce or a complaint
 * puts the address on the suppression list and unsubscribes the profile that owns it.
 */
public final class EmailFeedbackHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EmailFeedbackHandler.class);

    private final FeedbackService service;
    private Priming priming;

    public EmailFeedbackHandler() {
        this(System.getenv());
    }

    public EmailFeedbackHandler(Map<String, String> env) {
        this(wire(new Wiring(Env.of(env))));
        // SnapStart: an SES event that changes nothing (a transient bounce)
        priming = Priming.register("email-feedback", () -> {
            SNSEvent.SNSRecord record = new SNSEvent.SNSRecord().withSns(new SNSEvent.SNS().withMessage(
                    "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\","
                            + "\"bouncedRecipients\":[{\"emailAddress\":\"priming@invalid.example\"}]}}"));
            handleRequest(new SNSEvent().withRecords(List.of(record)), null);
        });
    }

    public EmailFeedbackHandler(FeedbackService service) {
        this.service = service;
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    private static FeedbackService wire(Wiring wiring) {
        DynamoStore store = wiring.store();
        return new FeedbackService(store.suppressions(), store.profiles(), store.outbox(), wiring.clock());
    }

    /** What Lambda calls: the SNS event's JSON in, the answer's JSON out (see {@link EventJson}). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        EventJson.write(handleRequest(EventJson.snsEvent(input), context), output);
    }

    /** The same, on an event already read: for callers in the same JVM (tests, priming). */
    public String handleRequest(SNSEvent event, Context context) {
        try (Invocation ignored = Invocation.start(context)) {
            return "suppressed " + suppressAll(event);
        }
    }

    private int suppressAll(SNSEvent event) {
        int suppressed = 0;
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            JsonNode root = read(record.getSNS().getMessage());
            FeedbackService.Acceptance acceptance = acceptance(root);
            if (acceptance != null) {
                service.accepted(acceptance);
            }
            FeedbackService.Feedback feedback = feedback(root);
            if (feedback != null) {
                suppressed += service.handle(feedback);
            }
        }
        return suppressed;
    }

    private static JsonNode read(String message) {
        try {
            JsonNode root = Json.parse(message);
            return root != null && root.isObject() ? root : null;
        } catch (Exception e) {
            LOG.warn("an SNS message that is not an SES event was ignored");
            return null;
        }
    }

    /**
     * A {@code Send} (or {@code Reject}) event of a message this platform tagged: the outbox item
     * and part its tags name (the configuration set copies message tags into {@code mail.tags},
     * each a list of values), and SES's message id; null for any other message.
     */
    static FeedbackService.Acceptance acceptance(JsonNode root) {
        String type = root == null ? "" : root.path("eventType").asText("");
        if (!type.equals("Send") && !type.equals("Reject")) {
            return null;
        }
        JsonNode mail = root.path("mail");
        String outbox = mail.path("tags").path(SesEmailSender.OUTBOX_TAG).path(0).asText("");
        String part = mail.path("tags").path(SesEmailSender.PART_TAG).path(0).asText("");
        String messageId = mail.path("messageId").asText("");
        if (outbox.isEmpty() || !part.matches("[0-9a-f]{16}") || messageId.isEmpty()) {
            return null;
        }
        return SesEmailSender.outboxId(outbox)
                .map(id -> new FeedbackService.Acceptance(id, part, messageId))
                .orElse(null);
    }

    /** SES event publishing ({@code eventType}) or identity notifications ({@code notificationType}). */
    private static FeedbackService.Feedback feedback(JsonNode root) {
        if (root == null) {
            return null;
        }
        String type = root.path("eventType").asText(root.path("notificationType").asText(""));
        List<String> recipients = new ArrayList<>();
        String bounceType = null;
        if (type.equals("Bounce")) {
            bounceType = root.path("bounce").path("bounceType").asText(null);
            root.path("bounce").path("bouncedRecipients").forEach(r -> addAddress(recipients, r));
        } else if (type.equals("Complaint")) {
            root.path("complaint").path("complainedRecipients").forEach(r -> addAddress(recipients, r));
        } else {
            return null;
        }
        return new FeedbackService.Feedback(type, bounceType, recipients);
    }

    private static void addAddress(List<String> recipients, JsonNode recipient) {
        String address = recipient.path("emailAddress").asText("");
        if (!address.isBlank() && address.length() <= 254) {
            recipients.add(address.strip());
        }
    }
}

package org.socialdeclik.local;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.joda.time.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's SNS topics, locally: a message published to a topic is delivered, as an
 * {@link SNSEvent}, to every function the template subscribes to it (synchronously, once).
 */
final class LocalTopics {
    private static final Logger LOG = LoggerFactory.getLogger(LocalTopics.class);

    private final String region;
    private final String account;
    private final Map<String, List<LocalFunction>> subscribers = new ConcurrentHashMap<>();
    private volatile Map<String, List<String>> sesEventTopics = Map.of();

    LocalTopics(String region, String account) {
        this.region = region;
        this.account = account;
    }

    void subscribe(String topic, LocalFunction function) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(function);
    }

    /** The topics SES configuration sets publish to, by event type (lower case: send, bounce ...), from the template. */
    void sesEventTopics(Map<String, List<String>> byType) {
        this.sesEventTopics = Map.copyOf(byType);
    }

    /**
     * Publishes an SES event ({@code eventType} Send, Bounce, Complaint ...) to the topics of the
     * event destinations that match its type, as SES does; answers how many functions received it.
     */
    int publishSesEvent(String eventType, Map<String, Object> body) {
        String message;
        try {
            message = LocalMapper.MAPPER.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int delivered = 0;
        for (String topic : sesEventTopics.getOrDefault(eventType.toLowerCase(java.util.Locale.ROOT), List.of())) {
            delivered += publish(topic, message).size();
        }
        return delivered;
    }

    /**
     * Simulates SES reporting a bounce or a complaint for an address, as the configuration set's
     * event destination would publish it; answers how many functions received it.
     */
    int simulateSesFeedback(String type, String email) {
        Map<String, Object> mail = Map.of("timestamp", java.time.Instant.now().toString(),
                "messageId", UUID.randomUUID().toString(), "destination", List.of(email));
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("eventType", type);
        body.put("mail", mail);
        if (type.equals("Bounce")) {
            body.put("bounce", Map.of("bounceType", "Permanent", "bounceSubType", "General",
                    "bouncedRecipients", List.of(Map.of("emailAddress", email, "action", "failed", "status", "5.1.1"))));
        } else {
            body.put("complaint", Map.of("complainedRecipients", List.of(Map.of("emailAddress", email)),
                    "complaintFeedbackType", "abuse"));
        }
        return publishSesEvent(type, body);
    }

    boolean has(String topic) {
        return subscribers.containsKey(topic);
    }

    Map<String, List<String>> describe() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        subscribers.forEach((topic, functions) -> out.put(topic, functions.stream().map(LocalFunction::logicalId).toList()));
        return out;
    }

    /** Delivers the message; answers what each subscribed function returned. */
    List<Object> publish(String topic, String message) {
        SNSEvent.SNS sns = new SNSEvent.SNS()
                .withType("Notification")
                .withMessageId(UUID.randomUUID().toString())
                .withTopicArn("arn:aws:sns:" + region + ":" + account + ":" + topic)
                .withMessage(message)
                .withTimestamp(DateTime.now())
                .withSignatureVersion("1")
                .withMessageAttributes(Map.of());
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord()
                .withEventSource("aws:sns")
                .withEventVersion("1.0")
                .withEventSubscriptionArn(sns.getTopicArn() + ":" + UUID.randomUUID())
                .withSns(sns);
        SNSEvent event = new SNSEvent().withRecords(List.of(record));
        List<Object> results = new ArrayList<>();
        for (LocalFunction function : subscribers.getOrDefault(topic, List.of())) {
            results.add(function.invoke(event));
            LOG.info("SNS {} delivered to {}", topic, function.logicalId());
        }
        return results;
    }
}

package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.CREATED_AT;
import static org.socialdeclik.shared.aws.TableLayout.MAIN;
import static org.socialdeclik.shared.aws.TableLayout.STATE;
import static org.socialdeclik.shared.aws.TableLayout.key;
import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.OutboxRepository;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Outbox items ({@code OUTBOX#id / A}) through their delivery: {@code state} PENDING, SENDING
 * (with {@code claimedAt}), SENT; {@code accepted}, the set of parts SES took (from its answers
 * and from its send events), with their {@code messageIds}. Marking an item sent removes its
 * work-ledger item.
 */
final class OutboxTable implements OutboxRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final LedgerTable ledger;

    OutboxTable(DynamoDbClient dynamo, String table, LedgerTable ledger) {
        this.dynamo = dynamo;
        this.table = table;
        this.ledger = ledger;
    }

    private static Map<String, AttributeValue> outboxKey(String id) {
        return key(TableLayout.outboxKey(id), MAIN);
    }

    private Optional<Map<String, AttributeValue>> item(String id) {
        var response = dynamo.getItem(b -> b.tableName(table).key(outboxKey(id)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private static Set<String> accepted(Map<String, AttributeValue> item) {
        AttributeValue parts = item.get("accepted");
        return parts == null || !parts.hasSs() ? Set.of() : Set.copyOf(parts.ss());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = text(item, name);
        return value == null ? null : Instant.parse(value);
    }

    @Override
    public Optional<OutboxEntry> findEmail(String id) {
        return item(id).map(TableLayout::outboxEntry);
    }

    @Override
    public Optional<Delivery> delivery(String id) {
        return item(id).map(item -> new Delivery(TableLayout.outboxEntry(item), State.valueOf(text(item, STATE)),
                instant(item, CREATED_AT), instant(item, "claimedAt"), accepted(item)));
    }

    /** Runs a conditional update; empty when its condition failed, else the item as it now is. */
    private Optional<Map<String, AttributeValue>> update(String id, String condition, String update,
            Map<String, AttributeValue> values) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(outboxKey(id))
                .conditionExpression(condition).updateExpression(update).expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW);
        if ((condition + update).contains("#state")) {
            request.expressionAttributeNames(Map.of("#state", STATE));
        }
        try {
            return Optional.of(dynamo.updateItem(request.build()).attributes());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Claim> claim(String id, Instant now) {
        return update(id, "#state = :pending", "SET #state = :sending, claimedAt = :now",
                Map.of(":pending", s("PENDING"), ":sending", s("SENDING"), ":now", s(now.toString())))
                .map(item -> new Claim(now, accepted(item)));
    }

    @Override
    public Optional<Claim> reclaim(String id, Instant claimedAt, Instant now) {
        return update(id, "#state = :sending AND claimedAt = :was", "SET claimedAt = :now REMOVE unconfirmedAt",
                Map.of(":sending", s("SENDING"), ":was", s(claimedAt.toString()), ":now", s(now.toString())))
                .map(item -> new Claim(now, accepted(item)));
    }

    @Override
    public void accepted(String id, String part, String messageId) {
        // no state in the condition: a send event may arrive before or after the sender's own answer
        update(id, "attribute_exists(pk)", "ADD accepted :part, messageIds :mid",
                Map.of(":part", AttributeValue.fromSs(List.of(part)),
                        ":mid", AttributeValue.fromSs(List.of(messageId))))
                .orElse(null);
    }

    @Override
    public void markSent(String id, Instant now, String part, String messageId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sent", s("SENT"));
        values.put(":now", s(now.toString()));
        String update = "SET #state = :sent, sentAt = :now REMOVE claimedAt, unconfirmedAt";
        if (part != null) {
            values.put(":part", AttributeValue.fromSs(List.of(part)));
            values.put(":mid", AttributeValue.fromSs(List.of(messageId)));
            update += " ADD accepted :part, messageIds :mid";
        }
        update(id, "attribute_exists(pk)", update, values).ifPresent(item -> {
            Instant created = instant(item, CREATED_AT);
            if (created != null) {
                ledger.done(new WorkLedger.Work(WorkLedger.Kind.OUTBOX, id, created));
            }
        });
    }

    @Override
    public void release(String id, Instant claimedAt) {
        update(id, "#state = :sending AND claimedAt = :was", "SET #state = :pending REMOVE claimedAt, unconfirmedAt",
                Map.of(":sending", s("SENDING"), ":pending", s("PENDING"), ":was", s(claimedAt.toString())));
    }

    @Override
    public void unconfirmed(String id, Instant claimedAt, Instant now) {
        update(id, "#state = :sending AND claimedAt = :was", "SET unconfirmedAt = :now",
                Map.of(":sending", s("SENDING"), ":was", s(claimedAt.toString()), ":now", s(now.toString())));
    }
}

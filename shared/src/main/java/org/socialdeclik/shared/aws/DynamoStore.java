package org.socialdeclik.shared.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.ports.ConflictException;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.OutboxRepository;
import org.socialdeclik.shared.ports.ProfileRecords;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.SuppressionList;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The single-table DynamoDB adapter. Key design (pk / sk):
 * <ul>
 *   <li>{@code MISSION#id / A}: a mission; {@code MISSION#id / MATCH#profileId}: a proposed pair</li>
 *   <li>{@code PROFILE#id / A}: a profile; {@code EMAIL#sha256(email) / A}: the address's owner</li>
 *   <li>{@code SKILL#skillId / PROFILE#id}: active profile index item, carrying its matching card</li>
 *   <li>{@code OPEN#skillId / MISSION#id}: open mission index item, carrying its matching card</li>
 *   <li>{@code OUTBOX#purpose / A}: an email to send (TTL after 30 days), see {@link OutboxTable}</li>
 *   <li>{@code TODO#day / ms#KIND#id}: work not done yet (an email, a mission or profile to match), see {@link LedgerTable}</li>
 *   <li>{@code SUPPRESS#sha256(email) / A}: an address that bounced for good or complained</li>
 * </ul>
 * Every change and the emails it calls for are written in one transaction.
 */
public final class DynamoStore implements MissionRepository, ProfileRepository, MatchRepository, SuppressionList {
    static final String MAIN = "A";
    private static final Duration OUTBOX_RETENTION = Duration.ofDays(30);
    /** An address that never confirms itself is forgotten after a week (profile and ownership). */
    private static final Duration UNVERIFIED_RETENTION = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final LedgerTable ledger;
    private final OutboxTable outbox;

    public DynamoStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.ledger = new LedgerTable(dynamo, table);
        this.outbox = new OutboxTable(dynamo, table, ledger);
    }

    // ---- helpers ---------------------------------------------------------------------------

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    static Map<String, AttributeValue> item(String pk, String sk, String entity) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        item.put("sk", s(sk));
        item.put("entity", s(entity));
        return item;
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    private TransactWriteItem delete(String pk, String sk) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk, sk))).build();
    }

    private TransactWriteItem outboxPut(OutboxEntry entry, Instant now) {
        Map<String, AttributeValue> item = item("OUTBOX#" + entry.id(), MAIN, "OUTBOX");
        item.put("kind", s(entry.kind().name()));
        Map<String, AttributeValue> refs = new HashMap<>();
        entry.refs().forEach((k, v) -> refs.put(k, s(v)));
        item.put("refs", AttributeValue.fromM(refs));
        item.put("state", s("PENDING"));
        item.put("createdAt", s(now.toString()));
        item.put("ttl", n(now.plus(OUTBOX_RETENTION).getEpochSecond()));
        return putNew(item);
    }

    /**
     * Runs a transaction; every outbox item it writes gets its work-ledger item in the same
     * transaction, after the caller's items (so cancellation reasons keep the caller's indexes).
     */
    private void transact(List<TransactWriteItem> items) {
        List<TransactWriteItem> all = new ArrayList<>(items);
        for (TransactWriteItem write : items) {
            if (write.put() != null && write.put().item().get("entity") != null
                    && "OUTBOX".equals(write.put().item().get("entity").s())) {
                Map<String, AttributeValue> item = write.put().item();
                all.add(LedgerTable.put(table, WorkLedger.Kind.OUTBOX, text(item, "pk").substring("OUTBOX#".length()),
                        Instant.parse(text(item, "createdAt"))));
            }
        }
        dynamo.transactWriteItems(b -> b.transactItems(all));
    }

    /** Runs the transaction; when the first item's condition fails, throws what {@code onFirst} gives. */
    private void transactGuarded(List<TransactWriteItem> items, java.util.function.Supplier<RuntimeException> onFirst) {
        try {
            transact(items);
        } catch (TransactionCanceledException e) {
            if (!e.cancellationReasons().isEmpty() && conditionFailed(e.cancellationReasons().get(0))) {
                throw onFirst.get();
            }
            throw e;
        }
    }

    /** Runs the transaction; false (nothing written) when any item's condition failed: it was done before. */
    private boolean transactIfNew(List<TransactWriteItem> items) {
        try {
            transact(items);
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(DynamoStore::conditionFailed)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean conditionFailed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var response = dynamo.getItem(b -> b.tableName(table).key(key(pk, sk)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private List<Map<String, AttributeValue>> queryPartition(String pk) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            out.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    static String emailKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "EMAIL#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    // ---- missions ---------------------------------------------------------------------------

    @Override
    public void submit(Mission mission, MissionStatus status, Instant now, List<OutboxEntry> emails) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> item = item("MISSION#" + mission.id(), MAIN, "MISSION");
        item.put("status", s(status.name()));
        item.put("doc", s(StoredJson.write(mission)));
        item.put("createdAt", s(now.toString()));
        item.put("updatedAt", s(now.toString()));
        items.add(putNew(item));
        if (status == MissionStatus.PUBLISHED) {
            items.addAll(openIndex(MissionCard.of(mission)));
            items.add(LedgerTable.put(table, WorkLedger.Kind.MISSION, mission.id(), now));
        }
        for (OutboxEntry email : emails) {
            items.add(outboxPut(email, now));
        }
        transact(items);
    }

    private List<TransactWriteItem> openIndex(MissionCard card) {
        List<TransactWriteItem> items = new ArrayList<>();
        String json = StoredJson.write(card);
        for (String skillId : card.skillIds()) {
            Map<String, AttributeValue> index = item("OPEN#" + skillId, "MISSION#" + card.id(), "OPEN_MISSION");
            index.put("card", s(json));
            items.add(put(index));
        }
        return items;
    }

    @Override
    public Optional<StoredMission> findMission(String id) {
        return get("MISSION#" + id, MAIN).map(DynamoStore::mission);
    }

    private static StoredMission mission(Map<String, AttributeValue> item) {
        return new StoredMission(StoredJson.mission(text(item, "doc")), MissionStatus.valueOf(text(item, "status")),
                Instant.parse(text(item, "createdAt")), Instant.parse(text(item, "updatedAt")), text(item, "reviewReason"));
    }

    @Override
    public StoredMission review(String id, boolean approve, String reason, Instant now) {
        StoredMission current = findMission(id).orElseThrow(() -> new NotFoundException("mission"));
        if (current.status() != MissionStatus.PENDING_REVIEW) {
            throw new ConflictException("problem.conflict.reviewed");
        }
        MissionStatus next = approve ? MissionStatus.PUBLISHED : MissionStatus.REJECTED;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", s(next.name()));
        values.put(":pending", s(MissionStatus.PENDING_REVIEW.name()));
        values.put(":now", s(now.toString()));
        String update = "SET #status = :next, updatedAt = :now, reviewedAt = :now";
        if (reason != null) {
            values.put(":reason", s(reason));
            update += ", reviewReason = :reason";
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key("MISSION#" + id, MAIN))
                .conditionExpression("#status = :pending")
                .updateExpression(update)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values).build()).build());
        if (approve) {
            items.addAll(openIndex(MissionCard.of(current.mission())));
            items.add(LedgerTable.put(table, WorkLedger.Kind.MISSION, id, now));
        }
        transactGuarded(items, () -> new ConflictException("problem.conflict.reviewed"));
        return new StoredMission(current.mission(), next, current.createdAt(), now, reason);
    }

    @Override
    public StoredMission close(String id, Instant now) {
        StoredMission current = findMission(id).orElseThrow(() -> new NotFoundException("mission"));
        if (current.status() == MissionStatus.CLOSED || current.status() == MissionStatus.REJECTED) {
            throw new ConflictException("problem.conflict.closed");
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key("MISSION#" + id, MAIN))
                .conditionExpression("#status = :was")
                .updateExpression("SET #status = :closed, updatedAt = :now, closedAt = :now")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":was", s(current.status().name()),
                        ":closed", s(MissionStatus.CLOSED.name()), ":now", s(now.toString())))
                .build()).build());
        for (String skillId : MissionCard.of(current.mission()).skillIds()) {
            items.add(delete("OPEN#" + skillId, "MISSION#" + id));
        }
        transactGuarded(items, () -> new ConflictException("problem.conflict.closed"));
        return new StoredMission(current.mission(), MissionStatus.CLOSED, current.createdAt(), now, current.reviewReason());
    }

    @Override
    public List<MissionCard> openMissionsWithSkill(String skillId) {
        List<MissionCard> cards = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryPartition("OPEN#" + skillId)) {
            cards.add(StoredJson.missionCard(text(item, "card")));
        }
        return cards;
    }

    // ---- profiles ---------------------------------------------------------------------------

    @Override
    public Optional<StoredProfile> register(Profile profile, String verifyNonce, Instant now, OutboxEntry verification) {
        String emailKey = emailKey(profile.email());
        Map<String, AttributeValue> owner = item(emailKey, MAIN, "EMAIL");
        owner.put("profileId", s(profile.id()));
        AttributeValue forgetAt = n(now.plus(UNVERIFIED_RETENTION).getEpochSecond());
        owner.put("ttl", forgetAt);
        Map<String, AttributeValue> item = item("PROFILE#" + profile.id(), MAIN, "PROFILE");
        item.put("ttl", forgetAt);
        item.put("status", s(ProfileStatus.PENDING_VERIFICATION.name()));
        item.put("doc", s(StoredJson.write(profile)));
        item.put("verifyNonce", s(verifyNonce));
        item.put("createdAt", s(now.toString()));
        item.put("updatedAt", s(now.toString()));
        try {
            transact(List.of(putNew(owner), putNew(item), outboxPut(verification, now)));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().isEmpty() || !conditionFailed(e.cancellationReasons().get(0))) {
                throw e;
            }
            Map<String, AttributeValue> old = e.cancellationReasons().get(0).item();
            String existingId = old != null && old.containsKey("profileId") ? text(old, "profileId")
                    : get(emailKey, MAIN).map(i -> text(i, "profileId")).orElseThrow(() -> e);
            Optional<StoredProfile> existing = findProfile(existingId);
            if (existing.isPresent()) {
                return existing;
            }
            // TTL removed an unverified profile before its ownership item: free the address, try again
            try {
                dynamo.deleteItem(b -> b.tableName(table).key(key(emailKey, MAIN))
                        .conditionExpression("profileId = :id")
                        .expressionAttributeValues(Map.of(":id", s(existingId))));
            } catch (ConditionalCheckFailedException raced) {
                // someone else changed it meanwhile: the retry below sees their state
            }
            transact(List.of(putNew(owner), putNew(item), outboxPut(verification, now)));
            return Optional.empty();
        }
    }

    @Override
    public Optional<StoredProfile> findProfile(String id) {
        return get("PROFILE#" + id, MAIN).map(DynamoStore::profile);
    }

    private static StoredProfile profile(Map<String, AttributeValue> item) {
        AttributeValue unsubscribed = item.get("unsubscribed");
        return new StoredProfile(StoredJson.profile(text(item, "doc")), ProfileStatus.valueOf(text(item, "status")),
                Instant.parse(text(item, "createdAt")), Instant.parse(text(item, "updatedAt")),
                text(item, "verifyNonce"), unsubscribed != null && Boolean.TRUE.equals(unsubscribed.bool()));
    }

    @Override
    public StoredProfile activate(String id, String nonce, Instant now) {
        StoredProfile current = findProfile(id).orElseThrow(() -> new NotFoundException("profile"));
        if (current.status() != ProfileStatus.PENDING_VERIFICATION || current.verifyNonce() == null
                || !MessageDigest.isEqual(current.verifyNonce().getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8))) {
            throw new ConflictException("problem.conflict.verified");
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key("PROFILE#" + id, MAIN))
                .conditionExpression("#status = :pending AND verifyNonce = :nonce")
                .updateExpression("SET #status = :active, updatedAt = :now, verifiedAt = :now REMOVE verifyNonce, #ttl")
                .expressionAttributeNames(Map.of("#status", "status", "#ttl", "ttl"))
                .expressionAttributeValues(Map.of(":pending", s(ProfileStatus.PENDING_VERIFICATION.name()),
                        ":active", s(ProfileStatus.ACTIVE.name()), ":nonce", s(nonce), ":now", s(now.toString())))
                .build()).build());
        // a confirmed address is kept for as long as the person keeps the profile
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(emailKey(current.profile().email()), MAIN))
                .conditionExpression("profileId = :id")
                .updateExpression("REMOVE #ttl")
                .expressionAttributeNames(Map.of("#ttl", "ttl"))
                .expressionAttributeValues(Map.of(":id", s(id)))
                .build()).build());
        items.addAll(profileIndex(ProfileCard.of(current.profile())));
        items.add(LedgerTable.put(table, WorkLedger.Kind.PROFILE, id, now));
        transactGuarded(items, () -> new ConflictException("problem.conflict.verified"));
        return new StoredProfile(current.profile(), ProfileStatus.ACTIVE, current.createdAt(), now, null, current.unsubscribed());
    }

    private List<TransactWriteItem> profileIndex(ProfileCard card) {
        List<TransactWriteItem> items = new ArrayList<>();
        String json = StoredJson.write(card);
        for (String skillId : card.skillIds()) {
            Map<String, AttributeValue> index = item("SKILL#" + skillId, "PROFILE#" + card.id(), "PROFILE_SKILL");
            index.put("card", s(json));
            items.add(put(index));
        }
        return items;
    }

    @Override
    public Optional<StoredProfile> findProfileByEmail(String email) {
        return get(emailKey(email), MAIN).flatMap(owner -> findProfile(text(owner, "profileId")));
    }

    @Override
    public StoredProfile update(Profile profile, Instant now) {
        StoredProfile current = findProfile(profile.id()).orElseThrow(() -> new NotFoundException("profile"));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key("PROFILE#" + profile.id(), MAIN))
                .conditionExpression("attribute_exists(pk) AND updatedAt = :was")
                .updateExpression("SET doc = :doc, updatedAt = :now")
                .expressionAttributeValues(Map.of(":doc", s(StoredJson.write(profile)), ":now", s(now.toString()),
                        ":was", s(current.updatedAt().toString())))
                .build()).build());
        ProfileCard before = ProfileCard.of(current.profile());
        ProfileCard after = ProfileCard.of(profile);
        boolean indexed = current.matchable();
        for (String skillId : before.skillIds()) {
            if (!indexed || !after.skillIds().contains(skillId)) {
                items.add(delete("SKILL#" + skillId, "PROFILE#" + profile.id()));
            }
        }
        if (indexed) {
            items.addAll(profileIndex(after));
            items.add(LedgerTable.put(table, WorkLedger.Kind.PROFILE, profile.id(), now));
        }
        transactGuarded(items, () -> new ConflictException("problem.conflict.concurrent"));
        return new StoredProfile(profile, current.status(), current.createdAt(), now, current.verifyNonce(), current.unsubscribed());
    }

    @Override
    public boolean unsubscribe(String id, Instant now) {
        StoredProfile current = findProfile(id).orElseThrow(() -> new NotFoundException("profile"));
        if (current.unsubscribed()) {
            return false;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key("PROFILE#" + id, MAIN))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET unsubscribed = :yes, unsubscribedAt = :now, updatedAt = :now")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":now", s(now.toString())))
                .build()).build());
        for (String skillId : ProfileCard.of(current.profile()).skillIds()) {
            items.add(delete("SKILL#" + skillId, "PROFILE#" + id));
        }
        transact(items);
        return true;
    }

    @Override
    public StoredProfile resubscribe(String id, Instant now) {
        StoredProfile current = findProfile(id).orElseThrow(() -> new NotFoundException("profile"));
        if (!current.unsubscribed()) {
            return current;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key("PROFILE#" + id, MAIN))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET updatedAt = :now REMOVE unsubscribed, unsubscribedAt")
                .expressionAttributeValues(Map.of(":now", s(now.toString())))
                .build()).build());
        if (current.status() == ProfileStatus.ACTIVE) {
            items.addAll(profileIndex(ProfileCard.of(current.profile())));
            // matched again like a changed profile: on the ledger until matching has run for it
            items.add(LedgerTable.put(table, WorkLedger.Kind.PROFILE, id, now));
        }
        transact(items);
        return new StoredProfile(current.profile(), current.status(), current.createdAt(), now, current.verifyNonce(), false);
    }

    @Override
    public void erase(String id) {
        Optional<StoredProfile> current = findProfile(id);
        for (Map<String, AttributeValue> item : queryPartition("PROFILE#" + id)) {
            String sk = text(item, "sk");
            if (sk.startsWith("PROPOSED#")) {
                String missionId = text(item, "missionId");
                try {
                    dynamo.updateItem(b -> b.tableName(table).key(key("MISSION#" + missionId, "MATCH#" + id))
                            .conditionExpression("attribute_exists(pk)")
                            .updateExpression("REMOVE reasons SET erased = :yes")
                            .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
                } catch (ConditionalCheckFailedException e) {
                    // the match item is already gone: nothing personal left there
                }
            } else if (sk.startsWith("INTEREST#")) {
                String missionId = text(item, "missionId");
                dynamo.deleteItem(b -> b.tableName(table).key(key("MISSION#" + missionId, "INTEREST#" + id)));
            }
            if (!sk.equals(MAIN)) {
                dynamo.deleteItem(b -> b.tableName(table).key(key("PROFILE#" + id, sk)));
            }
        }
        if (current.isEmpty()) {
            return;
        }
        for (String skillId : ProfileCard.of(current.get().profile()).skillIds()) {
            dynamo.deleteItem(b -> b.tableName(table).key(key("SKILL#" + skillId, "PROFILE#" + id)));
        }
        transact(List.of(delete(emailKey(current.get().profile().email()), MAIN), delete("PROFILE#" + id, MAIN)));
    }

    @Override
    public ProfileRecords records(String id) {
        List<ProfileRecords.Proposal> proposals = new ArrayList<>();
        List<ProfileRecords.Interest> interests = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryPartition("PROFILE#" + id)) {
            String sk = text(item, "sk");
            if (sk.startsWith("PROPOSED#")) {
                proposals.add(new ProfileRecords.Proposal(text(item, "missionId"), Instant.parse(text(item, "proposedAt")), null));
            } else if (sk.startsWith("INTEREST#")) {
                interests.add(new ProfileRecords.Interest(text(item, "missionId"), Instant.parse(text(item, "expressedAt"))));
            }
        }
        return new ProfileRecords(proposals, interests);
    }

    @Override
    public void enqueue(OutboxEntry email, Instant now) {
        try {
            transact(List.of(outboxPut(email, now)));
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().isEmpty() || !conditionFailed(e.cancellationReasons().get(0))) {
                throw e;
            }
            // the same purpose was already recorded: one email per purpose
        }
    }

    @Override
    public List<ProfileCard> activeProfilesWithSkill(String skillId) {
        List<ProfileCard> cards = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryPartition("SKILL#" + skillId)) {
            cards.add(StoredJson.profileCard(text(item, "card")));
        }
        return cards;
    }

    // ---- matches ----------------------------------------------------------------------------

    private Map<String, AttributeValue> matchItem(String missionId, String profileId, MatchReasons reasons, Instant now, String via) {
        Map<String, AttributeValue> item = item("MISSION#" + missionId, "MATCH#" + profileId, "MATCH");
        item.put("missionId", s(missionId));
        item.put("profileId", s(profileId));
        item.put("reasons", s(StoredJson.write(reasons)));
        item.put("createdAt", s(now.toString()));
        item.put("via", s(via));
        item.put("state", s("PROPOSED"));
        return item;
    }

    static String stamp(Instant instant) {
        return String.format("%013d", instant.toEpochMilli());
    }

    /** The profile-side record of a proposal: lets the person's data be listed and the weekly cap counted. */
    private Map<String, AttributeValue> proposedItem(String missionId, String profileId, Instant now) {
        Map<String, AttributeValue> item = item("PROFILE#" + profileId, "PROPOSED#" + stamp(now) + "#" + missionId, "PROPOSED");
        item.put("missionId", s(missionId));
        item.put("proposedAt", s(now.toString()));
        return item;
    }

    public static String proposalId(String missionId, String profileId) {
        return "PROPOSAL#" + missionId + "#" + profileId;
    }

    @Override
    public boolean recordProposal(String missionId, String profileId, MatchReasons reasons, Instant now) {
        OutboxEntry email = new OutboxEntry(proposalId(missionId, profileId), OutboxEntry.Kind.PROPOSAL,
                Map.of("missionId", missionId, "profileId", profileId));
        return transactIfNew(List.of(putNew(matchItem(missionId, profileId, reasons, now, "MISSION")),
                put(proposedItem(missionId, profileId, now)), outboxPut(email, now)));
    }

    @Override
    public List<String> recordDigest(String profileId, Map<String, MatchReasons> byMission, Instant now) {
        Map<String, MatchReasons> remaining = new LinkedHashMap<>(byMission);
        while (!remaining.isEmpty()) {
            List<String> missionIds = new ArrayList<>(remaining.keySet());
            List<TransactWriteItem> items = new ArrayList<>();
            for (String missionId : missionIds) {
                items.add(putNew(matchItem(missionId, profileId, remaining.get(missionId), now, "PROFILE")));
            }
            for (String missionId : missionIds) {
                items.add(put(proposedItem(missionId, profileId, now)));
            }
            String digestId = "DIGEST#" + profileId + "#" + Integer.toHexString(String.join(",", missionIds).hashCode());
            items.add(outboxPut(new OutboxEntry(digestId, OutboxEntry.Kind.DIGEST,
                    Map.of("profileId", profileId, "missionIds", String.join(",", missionIds))), now));
            try {
                transact(items);
                return missionIds;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                boolean removed = false;
                for (int i = 0; i < missionIds.size() && i < reasons.size(); i++) {
                    if (conditionFailed(reasons.get(i))) {
                        remaining.remove(missionIds.get(i));
                        removed = true;
                    }
                }
                if (!removed) {
                    if (reasons.size() > 2 * missionIds.size() && conditionFailed(reasons.get(2 * missionIds.size()))) {
                        return List.of(); // this very digest was already recorded
                    }
                    throw e;
                }
            }
        }
        return List.of();
    }

    @Override
    public Optional<MatchReasons> reasons(String missionId, String profileId) {
        return get("MISSION#" + missionId, "MATCH#" + profileId)
                .filter(item -> item.containsKey("reasons"))
                .map(item -> StoredJson.matchReasons(text(item, "reasons")));
    }

    @Override
    public List<Instant> proposalsSince(String profileId, Instant since) {
        List<Instant> out = new ArrayList<>();
        var response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s("PROFILE#" + profileId),
                        ":from", s("PROPOSED#" + stamp(since)), ":to", s("PROPOSED#~")))
                .scanIndexForward(false)
                .consistentRead(true));
        for (Map<String, AttributeValue> item : response.items()) {
            out.add(Instant.parse(text(item, "proposedAt")));
        }
        return out;
    }

    private static String dueDay(Instant dueAt) {
        return "DUE#" + dueAt.toString().substring(0, 10);
    }

    private Map<String, AttributeValue> dueItem(String missionId, String profileId, Instant dueAt) {
        Map<String, AttributeValue> item = item(dueDay(dueAt), stamp(dueAt) + "#" + missionId + "#" + profileId, "DUE");
        item.put("missionId", s(missionId));
        item.put("profileId", s(profileId));
        item.put("dueAt", s(dueAt.toString()));
        return item;
    }

    @Override
    public boolean recordDeferred(String missionId, String profileId, MatchReasons reasons, Instant dueAt, Instant now) {
        Map<String, AttributeValue> match = matchItem(missionId, profileId, reasons, now, "MISSION");
        match.put("state", s("DEFERRED"));
        match.put("dueAt", s(dueAt.toString()));
        return transactIfNew(List.of(putNew(match), put(dueItem(missionId, profileId, dueAt))));
    }

    @Override
    public List<DuePair> duePairs(Instant now, int daysBack) {
        List<DuePair> due = new ArrayList<>();
        for (int back = daysBack; back >= 0; back--) {
            String partition = dueDay(now.minus(Duration.ofDays(back)));
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk AND sk <= :now")
                        .expressionAttributeValues(Map.of(":pk", s(partition), ":now", s(stamp(now) + "#~")));
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                QueryResponse response = dynamo.query(request.build());
                for (Map<String, AttributeValue> item : response.items()) {
                    due.add(new DuePair(text(item, "missionId"), text(item, "profileId"), Instant.parse(text(item, "dueAt"))));
                }
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return due;
    }

    private TransactWriteItem deleteDue(DuePair due) {
        return delete(dueDay(due.dueAt()), stamp(due.dueAt()) + "#" + due.missionId() + "#" + due.profileId());
    }

    @Override
    public boolean promoteDeferred(DuePair due, Instant now) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(key("MISSION#" + due.missionId(), "MATCH#" + due.profileId()))
                        .conditionExpression("#state = :deferred")
                        .updateExpression("SET #state = :proposed, proposedAt = :now REMOVE dueAt")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":deferred", s("DEFERRED"), ":proposed", s("PROPOSED"), ":now", s(now.toString())))
                        .build()).build(),
                put(proposedItem(due.missionId(), due.profileId(), now)),
                outboxPut(new OutboxEntry(proposalId(due.missionId(), due.profileId()), OutboxEntry.Kind.PROPOSAL,
                        Map.of("missionId", due.missionId(), "profileId", due.profileId())), now),
                deleteDue(due));
        try {
            transact(items);
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(DynamoStore::conditionFailed)) {
                dynamo.deleteItem(b -> b.tableName(table).key(key(dueDay(due.dueAt()),
                        stamp(due.dueAt()) + "#" + due.missionId() + "#" + due.profileId())));
                return false;
            }
            throw e;
        }
    }

    @Override
    public void postpone(DuePair due, Instant newDueAt) {
        if (newDueAt.equals(due.dueAt())) {
            return;
        }
        transact(List.of(
                TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(key("MISSION#" + due.missionId(), "MATCH#" + due.profileId()))
                        .conditionExpression("attribute_exists(pk)")
                        .updateExpression("SET dueAt = :due")
                        .expressionAttributeValues(Map.of(":due", s(newDueAt.toString()))).build()).build(),
                deleteDue(due),
                put(dueItem(due.missionId(), due.profileId(), newDueAt))));
    }

    @Override
    public void dropDeferred(DuePair due) {
        transact(List.of(
                TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(key("MISSION#" + due.missionId(), "MATCH#" + due.profileId()))
                        .conditionExpression("attribute_exists(pk)")
                        .updateExpression("SET #state = :dropped REMOVE dueAt")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":dropped", s("DROPPED"))).build()).build(),
                deleteDue(due)));
    }

    @Override
    public boolean recordInterest(String missionId, String profileId, Instant now) {
        Map<String, AttributeValue> interest = item("MISSION#" + missionId, "INTEREST#" + profileId, "INTEREST");
        interest.put("missionId", s(missionId));
        interest.put("profileId", s(profileId));
        interest.put("createdAt", s(now.toString()));
        Map<String, AttributeValue> mirror = item("PROFILE#" + profileId, "INTEREST#" + missionId, "INTERESTED");
        mirror.put("missionId", s(missionId));
        mirror.put("expressedAt", s(now.toString()));
        Map<String, String> refs = Map.of("missionId", missionId, "profileId", profileId);
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                        .key(key("MISSION#" + missionId, "MATCH#" + profileId))
                        .conditionExpression("attribute_exists(pk)")).build(),
                putNew(interest),
                put(mirror),
                outboxPut(new OutboxEntry("INTEREST_ORG#" + missionId + "#" + profileId, OutboxEntry.Kind.INTEREST_ORGANIZATION, refs), now),
                outboxPut(new OutboxEntry("INTEREST_ACK#" + missionId + "#" + profileId, OutboxEntry.Kind.INTEREST_CONFIRMATION, refs), now));
        try {
            transact(items);
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && conditionFailed(reasons.get(0))) {
                throw new NotFoundException("match");
            }
            if (reasons.stream().anyMatch(DynamoStore::conditionFailed)) {
                return false;
            }
            throw e;
        }
    }

    // ---- outbox -----------------------------------------------------------------------------

    /** The outbox items' delivery states (the notifier's and the sweep's view of them). */
    public OutboxRepository outbox() {
        return outbox;
    }

    /** The work ledger: what the sweep finds still to do. */
    public WorkLedger ledger() {
        return ledger;
    }

    public Optional<OutboxEntry> findEmail(String id) {
        return outbox.findEmail(id);
    }

    // ---- suppression ------------------------------------------------------------------------

    private static String suppressKey(String email) {
        return "SUPPRESS#" + emailKey(email).substring("EMAIL#".length());
    }

    @Override
    public void suppress(String email, String reason, Instant now) {
        Map<String, AttributeValue> item = item(suppressKey(email), MAIN, "SUPPRESSED");
        item.put("reason", s(reason));
        item.put("at", s(now.toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean suppressed(String email) {
        return get(suppressKey(email), MAIN).isPresent();
    }
}

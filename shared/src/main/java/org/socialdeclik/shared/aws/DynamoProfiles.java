package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.CARD;
import static org.socialdeclik.shared.aws.TableLayout.MAIN;
import static org.socialdeclik.shared.aws.TableLayout.MISSION_ID;
import static org.socialdeclik.shared.aws.TableLayout.PROFILE_ID;
import static org.socialdeclik.shared.aws.TableLayout.SK;
import static org.socialdeclik.shared.aws.TableLayout.emailKey;
import static org.socialdeclik.shared.aws.TableLayout.key;
import static org.socialdeclik.shared.aws.TableLayout.profileKey;
import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.domain.Conflict;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.ports.ConflictException;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.ProfileRecords;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Profiles in the table: the profile item, the address's owner item, and while the profile is
 * matchable its active-profile index items (one per skill, with its card); the person's side of
 * proposals and interests in the profile's own partition. Every change and the emails it calls
 * for are written in one transaction.
 */
public final class DynamoProfiles implements ProfileRepository {
    private final DynamoTable table;

    DynamoProfiles(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<StoredProfile> register(Profile profile, String verifyNonce, Instant now, OutboxEntry verification) {
        String emailKey = emailKey(profile.email());
        List<TransactWriteItem> items = List.of(table.putNew(TableLayout.emailOwnerItem(profile, now)),
                table.putNew(TableLayout.profileItem(profile, verifyNonce, now)),
                table.putNew(TableLayout.outboxItem(verification, now)));
        try {
            table.transact(items);
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            if (!DynamoTable.firstFailed(e)) {
                throw e;
            }
            Map<String, AttributeValue> old = e.cancellationReasons().get(0).item();
            String existingId = old != null && old.containsKey(PROFILE_ID) ? text(old, PROFILE_ID)
                    : table.get(emailKey, MAIN).map(i -> text(i, PROFILE_ID)).orElseThrow(() -> e);
            Optional<StoredProfile> existing = findProfile(existingId);
            if (existing.isPresent()) {
                return existing;
            }
            // TTL removed an unverified profile before its ownership item: free the address, try again
            try {
                table.dynamo().deleteItem(b -> b.tableName(table.name()).key(key(emailKey, MAIN))
                        .conditionExpression("profileId = :id")
                        .expressionAttributeValues(Map.of(":id", s(existingId))));
            } catch (ConditionalCheckFailedException raced) {
                // someone else changed it meanwhile: the retry below sees their state
            }
            table.transact(items);
            return Optional.empty();
        }
    }

    @Override
    public Optional<StoredProfile> findProfile(String id) {
        return table.get(profileKey(id), MAIN).map(TableLayout::storedProfile);
    }

    @Override
    public StoredProfile activate(String id, String nonce, Instant now) {
        StoredProfile current = findProfile(id).orElseThrow(() -> new NotFoundException("profile"));
        if (current.status() != ProfileStatus.PENDING_VERIFICATION || current.verifyNonce() == null
                || !MessageDigest.isEqual(current.verifyNonce().getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8))) {
            throw new ConflictException(Conflict.ALREADY_VERIFIED);
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.update(profileKey(id), MAIN, Update.builder()
                .conditionExpression("#status = :pending AND verifyNonce = :nonce")
                .updateExpression("SET #status = :active, updatedAt = :now, verifiedAt = :now REMOVE verifyNonce, #ttl")
                .expressionAttributeNames(Map.of("#status", TableLayout.STATUS, "#ttl", TableLayout.TTL))
                .expressionAttributeValues(Map.of(":pending", s(ProfileStatus.PENDING_VERIFICATION.name()),
                        ":active", s(ProfileStatus.ACTIVE.name()), ":nonce", s(nonce), ":now", s(now.toString())))));
        // a confirmed address is kept for as long as the person keeps the profile
        items.add(table.update(emailKey(current.profile().email()), MAIN, Update.builder()
                .conditionExpression("profileId = :id")
                .updateExpression("REMOVE #ttl")
                .expressionAttributeNames(Map.of("#ttl", TableLayout.TTL))
                .expressionAttributeValues(Map.of(":id", s(id)))));
        index(items, current.profile(), now);
        table.transactGuarded(items, () -> new ConflictException(Conflict.ALREADY_VERIFIED));
        return new StoredProfile(current.profile(), ProfileStatus.ACTIVE, current.createdAt(), now, null, current.unsubscribed());
    }

    /** A matchable profile's index items, and its matching on the work ledger until it has run. */
    private void index(List<TransactWriteItem> items, Profile profile, Instant now) {
        index(table, items, profile, now);
    }

    static void index(DynamoTable table, List<TransactWriteItem> items, Profile profile, Instant now) {
        TableLayout.profileSkillItems(ProfileCard.of(profile)).forEach(item -> items.add(table.put(item)));
        items.add(table.put(TableLayout.ledgerItem(WorkLedger.Kind.PROFILE, profile.id(), now)));
    }

    @Override
    public Optional<StoredProfile> findProfileByEmail(String email) {
        return table.get(emailKey(email), MAIN).flatMap(owner -> findProfile(text(owner, PROFILE_ID)));
    }

    @Override
    public StoredProfile update(Profile profile, Instant now) {
        StoredProfile current = findProfile(profile.id()).orElseThrow(() -> new NotFoundException("profile"));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.update(profileKey(profile.id()), MAIN, Update.builder()
                .conditionExpression("attribute_exists(pk) AND updatedAt = :was")
                .updateExpression("SET doc = :doc, updatedAt = :now")
                .expressionAttributeValues(Map.of(":doc", s(StoredJson.write(profile)), ":now", s(now.toString()),
                        ":was", s(current.updatedAt().toString())))));
        ProfileCard after = ProfileCard.of(profile);
        boolean indexed = current.matchable();
        for (String skillId : ProfileCard.of(current.profile()).skillIds()) {
            if (!indexed || !after.skillIds().contains(skillId)) {
                items.add(table.delete(TableLayout.skillKey(skillId), profileKey(profile.id())));
            }
        }
        if (indexed) {
            index(items, profile, now);
        }
        table.transactGuarded(items, () -> new ConflictException(Conflict.CHANGED_MEANWHILE));
        return current.changed(profile, now, current.unsubscribed());
    }

    @Override
    public boolean unsubscribe(String id, Instant now) {
        StoredProfile current = findProfile(id).orElseThrow(() -> new NotFoundException("profile"));
        if (current.unsubscribed()) {
            return false;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.update(profileKey(id), MAIN, Update.builder()
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET unsubscribed = :yes, unsubscribedAt = :now, updatedAt = :now")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":now", s(now.toString())))));
        for (String skillId : ProfileCard.of(current.profile()).skillIds()) {
            items.add(table.delete(TableLayout.skillKey(skillId), profileKey(id)));
        }
        table.transact(items);
        return true;
    }

    @Override
    public StoredProfile resubscribe(String id, Instant now) {
        StoredProfile current = findProfile(id).orElseThrow(() -> new NotFoundException("profile"));
        if (!current.unsubscribed()) {
            return current;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(table.update(profileKey(id), MAIN, Update.builder()
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET updatedAt = :now REMOVE unsubscribed, unsubscribedAt")
                .expressionAttributeValues(Map.of(":now", s(now.toString())))));
        if (current.status() == ProfileStatus.ACTIVE && !current.paused()) {
            // matched again like a changed profile: on the ledger until matching has run for it
            index(items, current.profile(), now);
        }
        table.transact(items);
        return current.changed(current.profile(), now, false);
    }

    @Override
    public void erase(String id) {
        DynamoDbClient dynamo = table.dynamo();
        Optional<StoredProfile> current = findProfile(id);
        for (Map<String, AttributeValue> item : table.queryPartition(profileKey(id))) {
            String sk = text(item, SK);
            if (TableLayout.isProposed(sk)) {
                String missionId = text(item, MISSION_ID);
                try {
                    dynamo.updateItem(b -> b.tableName(table.name()).key(key(TableLayout.missionKey(missionId), TableLayout.matchKey(id)))
                            .conditionExpression("attribute_exists(pk)")
                            .updateExpression("REMOVE reasons SET erased = :yes")
                            .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
                } catch (ConditionalCheckFailedException e) {
                    // the match item is already gone: nothing personal left there
                }
            } else if (TableLayout.isInterest(sk)) {
                String missionId = text(item, MISSION_ID);
                dynamo.deleteItem(b -> b.tableName(table.name()).key(key(TableLayout.missionKey(missionId), TableLayout.interestKey(id))));
            }
            if (!sk.equals(MAIN)) {
                dynamo.deleteItem(b -> b.tableName(table.name()).key(key(profileKey(id), sk)));
            }
        }
        if (current.isEmpty()) {
            return;
        }
        for (String skillId : ProfileCard.of(current.get().profile()).skillIds()) {
            dynamo.deleteItem(b -> b.tableName(table.name()).key(key(TableLayout.skillKey(skillId), profileKey(id))));
        }
        table.transact(List.of(table.delete(emailKey(current.get().profile().email()), MAIN), table.delete(profileKey(id), MAIN)));
    }

    @Override
    public ProfileRecords records(String id) {
        List<ProfileRecords.Proposal> proposals = new ArrayList<>();
        List<ProfileRecords.Interest> interests = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.queryPartition(profileKey(id))) {
            String sk = text(item, SK);
            if (TableLayout.isProposed(sk)) {
                proposals.add(TableLayout.proposal(item));
            } else if (TableLayout.isInterest(sk)) {
                interests.add(TableLayout.interest(item));
            }
        }
        return new ProfileRecords(proposals, interests);
    }

    @Override
    public void enqueue(OutboxEntry email, Instant now) {
        table.enqueueOnce(email, now);
    }

    @Override
    public List<ProfileCard> activeProfilesWithSkill(String skillId) {
        return table.queryPartition(TableLayout.skillKey(skillId)).stream()
                .map(item -> StoredJson.profileCard(text(item, CARD))).toList();
    }
}

package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.MAIN;
import static org.socialdeclik.shared.aws.TableLayout.profileKey;
import static org.socialdeclik.shared.aws.TableLayout.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.domain.Conflict;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.ports.ConflictException;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.ports.ProfileAvailability;
import org.socialdeclik.shared.ports.StoredProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Availability in the table ({@link ProfileItems}): a pause takes the profile's index items out
 * in the same transaction as it sets the pause, a resumption puts them back with the profile's
 * matching on the work ledger (as an edit does); both hold only if the profile did not change
 * meanwhile (its {@code updatedAt}), so an edit racing a pause cannot leave an index item behind.
 */
public final class DynamoAvailability implements ProfileAvailability {
    private static final int ATTEMPTS = 3;
    private final DynamoTable table;
    private final DynamoProfiles profiles;

    DynamoAvailability(DynamoTable table) {
        this.table = table;
        this.profiles = new DynamoProfiles(table);
    }

    @Override
    public void plan(Step step, String profileId, Instant at) {
        ProfileItems.CALENDAR.plan(table, step.name(), profileId, at);
    }

    @Override
    public List<Due> due(Instant now, int daysBack) {
        return ProfileItems.CALENDAR.due(table, now, daysBack).stream()
                .map(p -> new Due(Step.valueOf(p.step()), p.subject(), p.at())).toList();
    }

    @Override
    public void done(Due due) {
        ProfileItems.CALENDAR.done(table, due.step().name(), due.profileId(), due.at());
    }

    private StoredProfile active(String profileId) {
        return profiles.findProfile(profileId).filter(p -> p.status() == ProfileStatus.ACTIVE)
                .orElseThrow(() -> new NotFoundException("profile"));
    }

    /** The profile item's update, on the condition that it is active and unchanged since read. */
    private TransactWriteItem change(StoredProfile current, String set, String remove, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":active", s(ProfileStatus.ACTIVE.name()));
        all.put(":was", s(current.updatedAt().toString()));
        return table.update(profileKey(current.profile().id()), MAIN, Update.builder()
                .conditionExpression("#status = :active AND updatedAt = :was")
                .updateExpression("SET " + set + (remove.isEmpty() ? "" : " REMOVE " + remove))
                .expressionAttributeNames(Map.of("#status", TableLayout.STATUS))
                .expressionAttributeValues(all));
    }

    @Override
    public StoredProfile pause(String profileId, LocalDate until, boolean byOwner, Instant now) {
        for (int attempt = 1; ; attempt++) {
            StoredProfile current = active(profileId);
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":yes", AttributeValue.fromBool(true), ":now", s(now.toString())));
            String set = ProfileItems.PAUSED + " = :yes, updatedAt = :now" + (byOwner ? ", " + ProfileItems.SEEN_AT + " = :now" : "");
            if (until != null) {
                values.put(":until", s(until.toString()));
                set += ", " + ProfileItems.PAUSED_UNTIL + " = :until";
            }
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(change(current, set, until == null ? ProfileItems.PAUSED_UNTIL : "", values));
            for (String skillId : ProfileCard.of(current.profile()).skillIds()) {
                items.add(table.delete(TableLayout.skillKey(skillId), profileKey(profileId)));
            }
            if (write(items, attempt)) {
                return new StoredProfile(current.profile(), current.status(), current.createdAt(), now, current.verifyNonce(),
                        current.unsubscribed(), byOwner ? now : current.seenAt(), new StoredProfile.Pause(until));
            }
        }
    }

    @Override
    public StoredProfile resume(String profileId, Instant now) {
        for (int attempt = 1; ; attempt++) {
            StoredProfile current = active(profileId);
            if (!current.paused()) {
                return current;
            }
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(change(current, "updatedAt = :now, " + ProfileItems.SEEN_AT + " = :now",
                    ProfileItems.PAUSED + ", " + ProfileItems.PAUSED_UNTIL, Map.of(":now", s(now.toString()))));
            if (!current.unsubscribed()) {
                // matched again like a changed profile: on the ledger until matching has run for it
                DynamoProfiles.index(table, items, current.profile(), now);
            }
            if (write(items, attempt)) {
                return new StoredProfile(current.profile(), current.status(), current.createdAt(), now, current.verifyNonce(),
                        current.unsubscribed(), now, null);
            }
        }
    }

    /** Writes; false when the profile changed meanwhile (read again and retry), a conflict after the last attempt. */
    private boolean write(List<TransactWriteItem> items, int attempt) {
        try {
            table.transactGuarded(items, () -> new ConflictException(Conflict.CHANGED_MEANWHILE));
            return true;
        } catch (ConflictException e) {
            if (attempt >= ATTEMPTS) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public void seen(String profileId, Instant now) {
        try {
            table.dynamo().updateItem(b -> b.tableName(table.name()).key(TableLayout.key(profileKey(profileId), MAIN))
                    .conditionExpression("attribute_exists(pk)")
                    .updateExpression("SET " + ProfileItems.SEEN_AT + " = :now")
                    .expressionAttributeValues(Map.of(":now", s(now.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // erased meanwhile: nobody left to ask
        }
    }
}

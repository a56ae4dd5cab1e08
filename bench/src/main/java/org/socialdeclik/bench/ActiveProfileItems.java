package org.socialdeclik.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.aws.TableLayout;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items {@code DynamoProfiles.register} followed by {@code DynamoProfiles.activate} leave in the
 * table for one freelancer, built without a transaction so that thousands can be loaded with
 * BatchWriteItem. The emulator copies the whole table on every TransactWriteItems, so loading ten
 * thousand profiles through the store one by one takes hours there; the bench checks, before it
 * loads anything, that these items equal what the store writes ({@code MatchingScaleBench.checkBulkItems}).
 */
final class ActiveProfileItems {
    private ActiveProfileItems() {}

    static List<Map<String, AttributeValue>> of(Population.Person person) {
        Profile profile = person.profile();
        String activatedAt = person.activatedAt().toString();
        List<Map<String, AttributeValue>> items = new ArrayList<>();

        // registered (the TTL and the nonce of an unverified address), then activated
        Map<String, AttributeValue> owner = new HashMap<>(TableLayout.emailOwnerItem(profile, person.registeredAt()));
        owner.remove(TableLayout.TTL);
        items.add(owner);

        Map<String, AttributeValue> main = new HashMap<>(TableLayout.profileItem(profile, "-", person.registeredAt()));
        main.remove(TableLayout.TTL);
        main.remove(TableLayout.VERIFY_NONCE);
        main.put(TableLayout.STATUS, AttributeValue.fromS(ProfileStatus.ACTIVE.name()));
        main.put(TableLayout.UPDATED_AT, AttributeValue.fromS(activatedAt));
        main.put("verifiedAt", AttributeValue.fromS(activatedAt));
        items.add(main);

        items.add(TableLayout.outboxItem(new OutboxEntry("VERIFY#" + profile.id(), OutboxEntry.Kind.VERIFY,
                Map.of("profileId", profile.id())), person.registeredAt()));
        items.addAll(TableLayout.profileSkillItems(ProfileCard.of(profile)));
        // the work ledger's items of the verification email and of the activated profile's matching
        items.add(TableLayout.ledgerItem(WorkLedger.Kind.OUTBOX, "VERIFY#" + profile.id(), person.registeredAt()));
        items.add(TableLayout.ledgerItem(WorkLedger.Kind.PROFILE, profile.id(), person.activatedAt()));
        return items;
    }
}

package org.socialdeclik.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.socialdeclik.shared.aws.StoredJson;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.domain.match.ProfileCard;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items {@code DynamoStore.register} followed by {@code DynamoStore.activate} leave in the
 * table for one freelancer, built without a transaction so that thousands can be loaded with
 * BatchWriteItem. The emulator copies the whole table on every TransactWriteItems, so loading ten
 * thousand profiles through the store one by one takes hours there; the bench checks, before it
 * loads anything, that these items equal what the store writes ({@code MatchingScaleBench.checkBulkItems}).
 */
final class ActiveProfileItems {
    private static final Duration OUTBOX_RETENTION = Duration.ofDays(30);

    private ActiveProfileItems() {}

    static List<Map<String, AttributeValue>> of(Population.Person person) {
        Profile profile = person.profile();
        String registeredAt = person.registeredAt().toString();
        String activatedAt = person.activatedAt().toString();
        List<Map<String, AttributeValue>> items = new ArrayList<>();

        Map<String, AttributeValue> owner = item(emailKey(profile.email()), "A", "EMAIL");
        owner.put("profileId", s(profile.id()));
        items.add(owner);

        Map<String, AttributeValue> main = item("PROFILE#" + profile.id(), "A", "PROFILE");
        main.put("status", s(ProfileStatus.ACTIVE.name()));
        main.put("doc", s(StoredJson.write(profile)));
        main.put("createdAt", s(registeredAt));
        main.put("updatedAt", s(activatedAt));
        main.put("verifiedAt", s(activatedAt));
        items.add(main);

        Map<String, AttributeValue> verify = item("OUTBOX#VERIFY#" + profile.id(), "A", "OUTBOX");
        verify.put("kind", s("VERIFY"));
        verify.put("refs", AttributeValue.fromM(Map.of("profileId", s(profile.id()))));
        verify.put("state", s("PENDING"));
        verify.put("createdAt", s(registeredAt));
        verify.put("ttl", AttributeValue.fromN(Long.toString(person.registeredAt().plus(OUTBOX_RETENTION).getEpochSecond())));
        items.add(verify);

        ProfileCard card = ProfileCard.of(profile);
        String json = StoredJson.write(card);
        for (String skillId : card.skillIds()) {
            Map<String, AttributeValue> index = item("SKILL#" + skillId, "PROFILE#" + profile.id(), "PROFILE_SKILL");
            index.put("card", s(json));
            items.add(index);
        }
        return items;
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String entity) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        item.put("sk", s(sk));
        item.put("entity", s(entity));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String emailKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "EMAIL#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.socialdeclik.shared.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.ProfileRecords;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single table's item layout, in one place: the keys (pk / sk), the attribute names, the
 * entity of each kind of item, how a record becomes its item and an item (or a stream image)
 * becomes a record again. The adapters ({@code Dynamo*}, {@link OutboxTable}, {@link LedgerTable}),
 * the stream functions, {@code bench/} and {@code perf/} read and write items only through it.
 * <ul>
 *   <li>{@code MISSION#id / A}: a mission; {@code MISSION#id / MATCH#profileId}: a proposed pair;
 *       {@code MISSION#id / INTEREST#profileId}: an interest</li>
 *   <li>{@code PROFILE#id / A}: a profile; {@code PROFILE#id / PROPOSED#ms#missionId},
 *       {@code PROFILE#id / INTEREST#missionId}: its side of a proposal and an interest;
 *       {@code EMAIL#sha256(email) / A}: the address's owner</li>
 *   <li>{@code SKILL#skillId / PROFILE#id}: active profile index item, carrying its matching card</li>
 *   <li>{@code OPEN#skillId / MISSION#id}: open mission index item, carrying its matching card;
 *       {@code WHEN#day / ms#STEP#missionId}: a step of the mission calendar (the mission's items: {@link MissionItems})</li>
 *   <li>{@code AVAIL#day / ms#STEP#profileId}: a step of a profile's availability calendar (entity {@code WHEN};
 *       the profile's availability attributes and these items: {@link ProfileItems})</li>
 *   <li>{@code OUTBOX#purpose / A}: an email to send (TTL after 30 days)</li>
 *   <li>{@code DUE#day / ms#missionId#profileId}: a proposal deferred by the weekly cap;
 *       {@code DUE#monday / WEEKLY#profileId#missionId}: one waiting for a WEEKLY freelancer's digest</li>
 *   <li>{@code TODO#day / ms#KIND#id}: work not done yet (an email, a mission or profile to match)</li>
 *   <li>{@code SUPPRESS#sha256(email) / A}: an address that bounced for good or complained</li>
 * </ul>
 * Documents ({@code doc}, {@code card}, {@code reasons}) hold the JSON of {@link StoredJson}.
 */
public final class TableLayout {
    /** The sort key of an entity's main item. */
    public static final String MAIN = "A";
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String ENTITY = "entity";
    public static final String DOC = "doc";
    public static final String CARD = "card";
    public static final String STATUS = "status";
    public static final String STATE = "state";
    public static final String KIND = "kind";
    public static final String REFS = "refs";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String TTL = "ttl";
    public static final String UNSUBSCRIBED = "unsubscribed";
    public static final String VERIFY_NONCE = "verifyNonce";
    public static final String PROFILE_ID = "profileId";
    public static final String MISSION_ID = "missionId";
    public static final String REASONS = "reasons";
    public static final String DUE_AT = "dueAt";
    /** A mission item's status again (only missions have it): the partition key of the admins' queue index. */
    public static final String MISSION_STATUS = "missionStatus", MISSIONS_BY_STATUS = "MissionsByStatus";

    /** An email in the outbox is kept 30 days (then the table's TTL removes it). */
    public static final Duration OUTBOX_RETENTION = Duration.ofDays(30);
    /** An address that never confirms itself is forgotten after a week (profile and ownership). */
    public static final Duration UNVERIFIED_RETENTION = Duration.ofDays(7);
    /** A day more than the outbox's 30 days: past that, what a ledger item points at is gone anyway. */
    public static final Duration LEDGER_RETENTION = Duration.ofDays(31);

    /**
     * The {@code entity} attribute of each kind of item. {@code TODO} is the work ledger, not a
     * leftover marker: one item per piece of work (a mission or profile to match, an email to send)
     * until it is done, read by the recovery sweep ({@code app/RecoveryService}), so that nothing
     * is lost when a function fails midway. Tests that check an item was put there check that the
     * sweep will take it up; the end-to-end tests check what the sweep then sends.
     */
    public enum Entity {
        MISSION, OPEN_MISSION, MATCH, INTEREST, PROFILE, PROFILE_SKILL, PROPOSED, INTERESTED, EMAIL, OUTBOX,
        DUE, TODO, SUPPRESSED, WHEN;

        /** The entity an item names, or null for none this layout knows. */
        public static Entity of(String name) {
            return Arrays.stream(values()).filter(entity -> entity.name().equals(name)).findFirst().orElse(null);
        }
    }

    private TableLayout() {}

    // ---- keys -------------------------------------------------------------------------------

    /** A mission's partition: its item, its pairs, its interests. */
    public static String missionKey(String missionId) {
        return "MISSION#" + missionId;
    }

    /** A profile's partition: its item, its proposal and interest records. */
    public static String profileKey(String profileId) {
        return "PROFILE#" + profileId;
    }

    /** An email's partition; {@code outboxId} names its purpose, so one purpose is one item. */
    public static String outboxKey(String outboxId) {
        return "OUTBOX#" + outboxId;
    }

    /** The outbox id (its purpose, e.g. {@code VERIFY#id}) of an outbox item's partition key. */
    public static String outboxId(String pk) {
        return pk.substring("OUTBOX#".length());
    }

    /** The profile id of a profile's partition key. */
    public static String profileId(String pk) {
        return pk.substring("PROFILE#".length());
    }

    /** The index partition of the active profiles with a skill. */
    public static String skillKey(String skillId) {
        return "SKILL#" + skillId;
    }

    /** The index partition of the open missions that ask for a skill. */
    public static String openKey(String skillId) {
        return "OPEN#" + skillId;
    }

    /** A pair's sort key in its mission's partition. */
    public static String matchKey(String profileId) {
        return "MATCH#" + profileId;
    }

    /** An interest's sort key: the profile's id in the mission's partition, and the other way round. */
    public static String interestKey(String otherId) {
        return "INTEREST#" + otherId;
    }

    public static boolean isMatch(String sk) {
        return sk.startsWith("MATCH#");
    }

    public static boolean isInterest(String sk) {
        return sk.startsWith("INTEREST#");
    }

    public static boolean isProposed(String sk) {
        return sk.startsWith("PROPOSED#");
    }

    /** The first sort key of a profile's proposals made at or after {@code since}. */
    public static String proposedFrom(Instant since) {
        return "PROPOSED#" + stamp(since);
    }

    /** A sort key after every proposal's. */
    public static final String PROPOSED_LAST = "PROPOSED#~";

    public static String emailKey(String email) {
        return "EMAIL#" + addressHash(email);
    }

    public static String suppressKey(String email) {
        return "SUPPRESS#" + addressHash(email);
    }

    private static String addressHash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String dueKey(Instant dueAt) {
        return "DUE#" + dueAt.toString().substring(0, 10);
    }

    /** The sort key of a deferred pair: a weekly one's sorts after every stamp, by freelancer. */
    public static String dueSortKey(MatchRepository.DuePair due) {
        return due.weekly() ? WEEKLY_DUE + due.profileId() + "#" + due.missionId()
                : stamp(due.dueAt()) + "#" + due.missionId() + "#" + due.profileId();
    }

    /** The sort key prefix of the pairs waiting for a Monday digest ('W' sorts after the digits of a stamp). */
    public static final String WEEKLY_DUE = "WEEKLY#";

    /** The work ledger's partition of one day ({@link Entity#TODO}). */
    public static String ledgerKey(Instant at) {
        return "TODO#" + at.toString().substring(0, 10);
    }

    public static String ledgerSortKey(WorkLedger.Kind kind, String id, Instant at) {
        return stamp(at) + "#" + kind.name() + "#" + id;
    }

    /** A sort key after every one of a day partition's stamped keys up to {@code until}. */
    public static String stampedUntil(Instant until) {
        return stamp(until) + "#~";
    }

    /** Milliseconds since the epoch in 13 digits: sort keys in time order. */
    public static String stamp(Instant instant) {
        return String.format("%013d", instant.toEpochMilli());
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    // ---- items ------------------------------------------------------------------------------

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static Map<String, AttributeValue> item(String pk, String sk, Entity entity) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(pk));
        item.put(SK, s(sk));
        item.put(ENTITY, s(entity.name()));
        return item;
    }

    /** A newly registered, unverified profile: forgotten after a week unless confirmed. */
    public static Map<String, AttributeValue> profileItem(Profile profile, String verifyNonce, Instant now) {
        Map<String, AttributeValue> item = item(profileKey(profile.id()), MAIN, Entity.PROFILE);
        item.put(TTL, n(now.plus(UNVERIFIED_RETENTION).getEpochSecond()));
        item.put(STATUS, s(ProfileStatus.PENDING_VERIFICATION.name()));
        item.put(DOC, s(StoredJson.write(profile)));
        item.put(VERIFY_NONCE, s(verifyNonce));
        item.put(CREATED_AT, s(now.toString()));
        item.put(UPDATED_AT, s(now.toString()));
        return item;
    }

    /** Who owns an address, as long as the unverified profile is kept. */
    public static Map<String, AttributeValue> emailOwnerItem(Profile profile, Instant now) {
        Map<String, AttributeValue> owner = item(emailKey(profile.email()), MAIN, Entity.EMAIL);
        owner.put(PROFILE_ID, s(profile.id()));
        owner.put(TTL, n(now.plus(UNVERIFIED_RETENTION).getEpochSecond()));
        return owner;
    }

    public static StoredProfile storedProfile(Map<String, AttributeValue> item) {
        AttributeValue unsubscribed = item.get(UNSUBSCRIBED);
        return new StoredProfile(StoredJson.profile(text(item, DOC)), ProfileStatus.valueOf(text(item, STATUS)),
                Instant.parse(text(item, CREATED_AT)), Instant.parse(text(item, UPDATED_AT)),
                text(item, VERIFY_NONCE), unsubscribed != null && Boolean.TRUE.equals(unsubscribed.bool()),
                ProfileItems.seenAt(item), ProfileItems.pause(item));
    }

    /** The active-profile index items of a matchable profile, one per skill, each with the card. */
    public static List<Map<String, AttributeValue>> profileSkillItems(ProfileCard card) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String json = StoredJson.write(card);
        for (String skillId : card.skillIds()) {
            Map<String, AttributeValue> index = item(skillKey(skillId), profileKey(card.id()), Entity.PROFILE_SKILL);
            index.put(CARD, s(json));
            items.add(index);
        }
        return items;
    }

    public static Map<String, AttributeValue> outboxItem(OutboxEntry entry, Instant now) {
        Map<String, AttributeValue> item = item(outboxKey(entry.id()), MAIN, Entity.OUTBOX);
        item.put(KIND, s(entry.kind().name()));
        Map<String, AttributeValue> refs = new HashMap<>();
        entry.refs().forEach((k, v) -> refs.put(k, s(v)));
        item.put(REFS, AttributeValue.fromM(refs));
        item.put(STATE, s("PENDING"));
        item.put(CREATED_AT, s(now.toString()));
        item.put(TTL, n(now.plus(OUTBOX_RETENTION).getEpochSecond()));
        return item;
    }

    public static boolean isOutbox(Map<String, AttributeValue> item) {
        return Entity.OUTBOX.name().equals(text(item, ENTITY));
    }

    public static OutboxEntry outboxEntry(Map<String, AttributeValue> item) {
        Map<String, String> refs = new HashMap<>();
        item.get(REFS).m().forEach((k, v) -> refs.put(k, v.s()));
        return new OutboxEntry(outboxId(text(item, PK)), OutboxEntry.Kind.valueOf(text(item, KIND)), refs);
    }

    /** The mission side of a pair: its reasons, how it was found ({@code via}), its state. */
    public static Map<String, AttributeValue> matchItem(String missionId, String profileId, MatchReasons reasons,
                                                        Instant now, String via) {
        Map<String, AttributeValue> item = item(missionKey(missionId), matchKey(profileId), Entity.MATCH);
        item.put(MISSION_ID, s(missionId));
        item.put(PROFILE_ID, s(profileId));
        item.put(REASONS, s(StoredJson.write(reasons)));
        item.put(CREATED_AT, s(now.toString()));
        item.put("via", s(via));
        item.put(STATE, s("PROPOSED"));
        return item;
    }

    /** The profile-side record of a proposal: lets the person's data be listed and the weekly cap counted. */
    public static Map<String, AttributeValue> proposedItem(String missionId, String profileId, Instant now) {
        Map<String, AttributeValue> item = item(profileKey(profileId), "PROPOSED#" + stamp(now) + "#" + missionId, Entity.PROPOSED);
        item.put(MISSION_ID, s(missionId));
        item.put("proposedAt", s(now.toString()));
        return item;
    }

    /** When a profile-side proposal record says the proposal was made. */
    public static Instant proposedAt(Map<String, AttributeValue> item) {
        return Instant.parse(text(item, "proposedAt"));
    }

    public static ProfileRecords.Proposal proposal(Map<String, AttributeValue> item) {
        return new ProfileRecords.Proposal(text(item, MISSION_ID), proposedAt(item), null);
    }

    public static Map<String, AttributeValue> dueItem(MatchRepository.DuePair due) {
        Map<String, AttributeValue> item = item(dueKey(due.dueAt()), dueSortKey(due), Entity.DUE);
        item.put(MISSION_ID, s(due.missionId()));
        item.put(PROFILE_ID, s(due.profileId()));
        item.put(DUE_AT, s(due.dueAt().toString()));
        return item;
    }

    public static MatchRepository.DuePair duePair(Map<String, AttributeValue> item) {
        return new MatchRepository.DuePair(text(item, MISSION_ID), text(item, PROFILE_ID), Instant.parse(text(item, DUE_AT)),
                text(item, SK).startsWith(WEEKLY_DUE));
    }

    /** The mission side of an interest. */
    public static Map<String, AttributeValue> interestItem(String missionId, String profileId, Instant now) {
        Map<String, AttributeValue> interest = item(missionKey(missionId), interestKey(profileId), Entity.INTEREST);
        interest.put(MISSION_ID, s(missionId));
        interest.put(PROFILE_ID, s(profileId));
        interest.put(CREATED_AT, s(now.toString()));
        return interest;
    }

    /** The profile side of an interest, listed with the person's data. */
    public static Map<String, AttributeValue> interestedItem(String missionId, String profileId, Instant now) {
        Map<String, AttributeValue> mirror = item(profileKey(profileId), interestKey(missionId), Entity.INTERESTED);
        mirror.put(MISSION_ID, s(missionId));
        mirror.put("expressedAt", s(now.toString()));
        return mirror;
    }

    public static ProfileRecords.Interest interest(Map<String, AttributeValue> item) {
        return new ProfileRecords.Interest(text(item, MISSION_ID), Instant.parse(text(item, "expressedAt")));
    }

    public static Map<String, AttributeValue> ledgerItem(WorkLedger.Kind kind, String id, Instant at) {
        Map<String, AttributeValue> item = item(ledgerKey(at), ledgerSortKey(kind, id, at), Entity.TODO);
        item.put(KIND, s(kind.name()));
        item.put("ref", s(id));
        item.put("at", s(at.toString()));
        item.put(TTL, n(at.plus(LEDGER_RETENTION).getEpochSecond()));
        return item;
    }

    public static WorkLedger.Work work(Map<String, AttributeValue> item) {
        return new WorkLedger.Work(WorkLedger.Kind.valueOf(text(item, KIND)), text(item, "ref"), Instant.parse(text(item, "at")));
    }

    public static Map<String, AttributeValue> suppressedItem(String email, String reason, Instant now) {
        Map<String, AttributeValue> item = item(suppressKey(email), MAIN, Entity.SUPPRESSED);
        item.put("reason", s(reason));
        item.put("at", s(now.toString()));
        return item;
    }

    // ---- stream images ----------------------------------------------------------------------

    /** A stream record's image, whatever library decoded it: its attributes by name. */
    public interface Image {
        /** A string attribute, or null. */
        String text(String name);

        /** A boolean attribute, false when absent. */
        boolean flag(String name);

        /** A map of strings, empty when absent. */
        Map<String, String> texts(String name);
    }

    /** What the stream functions read of a changed mission or profile (its main item's image). */
    public record Streamed(Entity entity, String pk, String status, String doc, boolean unsubscribed, String updatedAt,
                           boolean paused) {
        public static final Streamed NONE = new Streamed(null, null, null, null, false, null, false);

        public Mission mission() {
            return StoredJson.mission(doc);
        }

        public Profile profile() {
            return StoredJson.profile(doc);
        }

        public String profileId() {
            return TableLayout.profileId(pk);
        }
    }

    /** The image as the stream functions read it; {@link Streamed#NONE} for no image (an insert's old one). */
    public static Streamed streamed(Image image) {
        if (image == null) {
            return Streamed.NONE;
        }
        return new Streamed(Entity.of(image.text(ENTITY)), image.text(PK), image.text(STATUS), image.text(DOC),
                image.flag(UNSUBSCRIBED), image.text(UPDATED_AT), image.flag(ProfileItems.PAUSED));
    }

    /** The email an outbox item's image asks for, or null when the image is not an outbox item. */
    public static OutboxEntry outboxEntry(Image image) {
        if (image == null || Entity.of(image.text(ENTITY)) != Entity.OUTBOX) {
            return null;
        }
        return new OutboxEntry(outboxId(image.text(PK)), OutboxEntry.Kind.valueOf(image.text(KIND)), image.texts(REFS));
    }
}

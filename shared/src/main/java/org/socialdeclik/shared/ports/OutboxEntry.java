package org.socialdeclik.shared.ports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An email to send, recorded in the same transaction as the change that calls for it. Its id
 * names its purpose (e.g. {@code PROPOSAL#mission#profile}), so one purpose gives one email.
 */
public record OutboxEntry(String id, Kind kind, Map<String, String> refs) {
    public enum Kind { VERIFY, SIGN_IN, MISSION_CONFIRMATION, MISSION_REVIEW, PROPOSAL, DIGEST, INTEREST_ORGANIZATION, INTEREST_CONFIRMATION,
        MATCHING_REPORT, ADMIN_LINK, MISSION_CLOSED, FOLLOW_UP, LAST_NOTICE, AVAILABILITY_CHECK, AVAILABILITY_PAUSED }

    public OutboxEntry {
        refs = Map.copyOf(refs);
    }

    /** The proposal email of a pair: one per pair, whichever way it was found. */
    public static OutboxEntry proposal(String missionId, String profileId) {
        return new OutboxEntry("PROPOSAL#" + missionId + "#" + profileId, Kind.PROPOSAL,
                Map.of("missionId", missionId, "profileId", profileId));
    }

    /** The digest of a profile's new pairs: one per set of missions. */
    public static OutboxEntry digest(String profileId, List<String> missionIds) {
        String missions = String.join(",", missionIds);
        return new OutboxEntry("DIGEST#" + profileId + "#" + Integer.toHexString(missions.hashCode()), Kind.DIGEST,
                Map.of("profileId", profileId, "missionIds", missions));
    }

    /** The two emails of an interest: to the organisation, and the freelancer's acknowledgement. */
    public static List<OutboxEntry> interest(String missionId, String profileId) {
        Map<String, String> refs = Map.of("missionId", missionId, "profileId", profileId);
        return List.of(new OutboxEntry("INTEREST_ORG#" + missionId + "#" + profileId, Kind.INTEREST_ORGANIZATION, refs),
                new OutboxEntry("INTEREST_ACK#" + missionId + "#" + profileId, Kind.INTEREST_CONFIRMATION, refs));
    }

    /** To a freelancer who said they were interested: the mission closed (one per pair). */
    public static OutboxEntry missionClosed(String missionId, String profileId) {
        return new OutboxEntry("CLOSED#" + missionId + "#" + profileId, Kind.MISSION_CLOSED,
                Map.of("missionId", missionId, "profileId", profileId));
    }

    /**
     * "Still available?" to a freelancer quiet since {@code since}: one per period of silence.
     * {@code refs}: the days of silence, the day the answer is awaited by, the default pause's end.
     */
    public static OutboxEntry availabilityCheck(String profileId, Instant since, long quietDays,
                                                LocalDate answerBy, LocalDate pauseUntil) {
        return new OutboxEntry("AVAILCHECK#" + profileId + "#" + since.toEpochMilli(), Kind.AVAILABILITY_CHECK,
                Map.of("profileId", profileId, "quietDays", Long.toString(quietDays), "answerBy", answerBy.toString(),
                        "pauseUntil", pauseUntil.toString()));
    }

    /** No answer to the check of the silence since {@code since}: the profile was paused (one per check). */
    public static OutboxEntry availabilityPaused(String profileId, Instant since) {
        return new OutboxEntry("AVAILPAUSED#" + profileId + "#" + since.toEpochMilli(), Kind.AVAILABILITY_PAUSED,
                Map.of("profileId", profileId));
    }

    /**
     * The part of an outbox item that goes to one recipient (an item sends one message per
     * recipient: the admins of a review): 16 hex digits of the address's SHA-256, so that the
     * evidence of acceptance names no address.
     */
    public static String part(String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(recipient.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

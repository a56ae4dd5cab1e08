package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.socialdeclik.shared.ports.StoredProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The part of the table's layout ({@link TableLayout}) that belongs to a profile's availability
 * (issue 11, §1): on the profile item, {@code paused} (true while paused), {@code pausedUntil}
 * (the day the pause ends, absent for a pause until the owner resumes) and {@code seenAt} (the last
 * interest or answer); and the steps of the availability calendar, {@code AVAIL#day /
 * ms#STEP#profileId} (entity {@code WHEN}, which no stream consumer selects), each removed once
 * done and otherwise by the table's TTL once past the days the sweep reads back.
 */
public final class ProfileItems {
    public static final String PAUSED = "paused";
    static final String PAUSED_UNTIL = "pausedUntil";
    static final String SEEN_AT = "seenAt";
    /**
     * The availability calendar's steps ({@code AVAIL#day / ms#STEP#profileId}); one older than 31
     * days is never read again (the sweep reads 30 days back), so the TTL removes it.
     */
    static final DayCalendar CALENDAR = new DayCalendar("AVAIL", TableLayout.PROFILE_ID, Duration.ofDays(31));

    private ProfileItems() {}

    static Instant seenAt(Map<String, AttributeValue> item) {
        String seen = text(item, SEEN_AT);
        return seen == null ? null : Instant.parse(seen);
    }

    static StoredProfile.Pause pause(Map<String, AttributeValue> item) {
        AttributeValue paused = item.get(PAUSED);
        if (paused == null || !Boolean.TRUE.equals(paused.bool())) {
            return null;
        }
        String until = text(item, PAUSED_UNTIL);
        return new StoredProfile.Pause(until == null ? null : LocalDate.parse(until));
    }
}

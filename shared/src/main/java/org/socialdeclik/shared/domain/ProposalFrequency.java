package org.socialdeclik.shared.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a freelancer hears of missions: each proposal as it comes (IMMEDIATE, the default),
 * or the week's proposals as one digest on Monday at 08:00, Paris time (WEEKLY).
 */
public enum ProposalFrequency {
    IMMEDIATE, WEEKLY;

    /** Where the weekly digest's Monday 08:00 is read (the schedule's ScheduleExpressionTimezone). */
    public static final ZoneId DIGEST_ZONE = ZoneId.of("Europe/Paris");
    public static final DayOfWeek DIGEST_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DIGEST_TIME = LocalTime.of(8, 0);

    /** A stored or requested value; absent means IMMEDIATE (the behaviour before the choice existed). */
    public static ProposalFrequency orDefault(ProposalFrequency frequency) {
        return frequency == null ? IMMEDIATE : frequency;
    }

    /**
     * The first Monday 08:00 in Paris strictly after {@code after}: the digest a proposal found
     * then waits for. Paris local time, so the instant moves by an hour with summer time.
     */
    public static Instant nextDigest(Instant after) {
        ZonedDateTime local = after.atZone(DIGEST_ZONE);
        ZonedDateTime candidate = local.with(TemporalAdjusters.nextOrSame(DIGEST_DAY)).with(DIGEST_TIME);
        if (!candidate.isAfter(local)) {
            candidate = candidate.plusWeeks(1).with(DIGEST_TIME);
        }
        return candidate.toInstant();
    }
}

package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's counters, kept up to date from the table's stream: one item per counter, so
 * reading them all costs the same whatever the number of profiles and missions.
 */
public interface PlatformStats {
    /**
     * Adds these amounts to their counters, once per stream record ({@code recordId}): a record
     * delivered again adds nothing. With {@code firstInterestOf} (a mission id), the amounts
     * {@code ifFirstInterest} are added too when this is the mission's first interest.
     * @return false when the record had been counted already
     */
    boolean add(String recordId, Map<String, Long> amounts, String firstInterestOf, Map<String, Long> ifFirstInterest);

    /** When the mission was published (its review, or its submission when published at once). */
    Optional<Instant> publishedAt(String missionId);

    /** Every counter, by name. */
    Map<String, Long> counters();
}

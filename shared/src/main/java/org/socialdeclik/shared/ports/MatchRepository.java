package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.domain.match.MatchReasons;

/** Match items: the single record that a (mission, freelancer) pair was proposed. */
public interface MatchRepository {
    /** Records the pair and its proposal email atomically; false when the pair already exists. */
    boolean recordProposal(String missionId, String profileId, MatchReasons reasons, Instant now);

    /**
     * Records the new pairs of one profile and one digest email listing them, atomically.
     * Pairs that already exist are left out; returns the mission ids recorded.
     */
    List<String> recordDigest(String profileId, Map<String, MatchReasons> byMission, Instant now);

    Optional<MatchReasons> reasons(String missionId, String profileId);

    /** When this profile was proposed missions since the given instant, newest first. */
    List<Instant> proposalsSince(String profileId, Instant since);

    /**
     * Records the freelancer's interest in a proposed mission with the emails to both sides,
     * atomically; false when it was already recorded (a repeat click changes nothing).
     */
    boolean recordInterest(String missionId, String profileId, Instant now);

    /**
     * Records a pair whose proposal waits for the freelancer's weekly window (cap reached) and its
     * due time, atomically; false when the pair already exists.
     */
    boolean recordDeferred(String missionId, String profileId, MatchReasons reasons, Instant dueAt, Instant now);

    /** Deferred pairs whose due time has come (looking back a few days for missed runs). */
    List<DuePair> duePairs(Instant now, int daysBack);

    /** Turns a deferred pair into a proposal with its email, atomically; false if it was already done. */
    boolean promoteDeferred(DuePair due, Instant now);

    /** Moves a deferred pair's due time (the window is still full). */
    void postpone(DuePair due, Instant newDueAt);

    /** Forgets a deferred pair that can no longer be proposed (mission closed, profile gone). */
    void dropDeferred(DuePair due);

    /**
     * Forgets a deferred pair, the weekly cap's or a Monday digest's, as if it had never been
     * found (its profile paused): matched again once the profile is available, it may come in that
     * one email.
     */
    void forgetDeferred(DuePair due);

    /**
     * Records a pair whose proposal waits for its WEEKLY freelancer's Monday digest: a deferred
     * pair ({@link DuePair#weekly()}) that {@link #duePairs} never lists; false when the pair already exists.
     */
    boolean recordWaiting(String missionId, String profileId, MatchReasons reasons, Instant digestAt, Instant now);

    /**
     * The pairs waiting for a weekly digest due by {@code now} (looking back a few weeks for
     * missed runs), one freelancer's after another. Reads only the Mondays' partitions.
     */
    List<DuePair> waitingPairs(Instant now, int weeksBack);

    /**
     * Turns one freelancer's waiting pairs into proposals and one digest email listing them,
     * atomically; pairs already promoted or moved by another run are left out. Returns the
     * mission ids proposed.
     */
    List<String> promoteToDigest(String profileId, List<DuePair> pairs, Instant now);

    /** A deferred pair waiting for its due time: the weekly cap's, or ({@code weekly}) a Monday digest's. */
    record DuePair(String missionId, String profileId, Instant dueAt, boolean weekly) {
        public DuePair(String missionId, String profileId, Instant dueAt) {
            this(missionId, profileId, dueAt, false);
        }

        /** The same pair, due at another time. */
        public DuePair at(Instant newDueAt) {
            return new DuePair(missionId, profileId, newDueAt, weekly);
        }
    }
}

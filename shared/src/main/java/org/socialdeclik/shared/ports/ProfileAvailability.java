package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A verified profile's availability (issue 11, §1): its pause and resumption, the owner's signs of
 * life, and the calendar of what is due for it (the "still available?" check, the pause when it
 * goes unanswered, the end of a dated pause), read by time (no scan); a step is taken off once done.
 */
public interface ProfileAvailability {
    enum Step { CHECK, NO_ANSWER, RESUME }

    record Due(Step step, String profileId, Instant at) {}

    /** Plans a step (planning the same step for the same time again changes nothing). */
    void plan(Step step, String profileId, Instant at);

    /** The steps due by {@code now}, planned at most {@code daysBack} days before it, oldest first. */
    List<Due> due(Instant now, int daysBack);

    /** Takes a step off once done. */
    void done(Due due);

    /**
     * Pauses an active profile (or moves its pause's end): it leaves the candidate index, so no
     * path proposes it anything. {@code until} null: until its owner resumes.
     * @param byOwner the owner's answer, which is also a sign of life
     * @throws NotFoundException no such active profile
     */
    StoredProfile pause(String profileId, LocalDate until, boolean byOwner, Instant now);

    /**
     * Ends a pause: back in the candidate index (unless unsubscribed) and its matching on the work
     * ledger, like a changed profile; a sign of life. A profile that is not paused is answered as is.
     * @throws NotFoundException no such active profile
     */
    StoredProfile resume(String profileId, Instant now);

    /** Notes a sign of life of the owner's (an interest, an answer "available"). */
    void seen(String profileId, Instant now);
}

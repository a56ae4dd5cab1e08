package org.socialdeclik.shared.token;

import java.time.Duration;

/** What a token allows, each with its own lifetime. A token serves one purpose only. */
public enum Purpose {
    /** Confirm a new profile's email address (subject: profile id; single use through its nonce). */
    VERIFY(Duration.ofDays(3)),
    /** Manage one's profile (subject: profile id). */
    ACCESS(Duration.ofHours(24)),
    /** Admin review of a mission (subject: mission id). */
    REVIEW(Duration.ofDays(14)),
    /** The organisation's management of its mission (subject: mission id). */
    MANAGE_MISSION(Duration.ofDays(180)),
    /** "I'm interested" (subject: missionId:profileId). */
    INTEREST(Duration.ofDays(60)),
    /**
     * "Still available?": answer from the email, or resume a paused profile (subject: profile id).
     * Lives as long as a check period, so the link of the "paused" email still resumes weeks later.
     */
    AVAILABILITY(Duration.ofDays(60)),
    /** Stop match emails (subject: profile id). */
    UNSUBSCRIBE(Duration.ofDays(365)),
    /**
     * The admins' desk (subject: the admin's address as {@code OutboxEntry.part}, never the
     * address itself): short-lived, since it opens every mission and the vocabulary.
     */
    ADMIN(Duration.ofHours(2));

    private final Duration lifetime;

    Purpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}

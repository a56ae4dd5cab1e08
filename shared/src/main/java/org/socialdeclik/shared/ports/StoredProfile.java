package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.time.LocalDate;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;

/**
 * A profile with its state: verification nonce while pending, unsubscribed flag, the owner's last
 * sign of life besides an edit ({@code seenAt}: an interest, an answer; null when none) and the
 * pause (null while available).
 */
public record StoredProfile(Profile profile, ProfileStatus status, Instant createdAt, Instant updatedAt,
                            String verifyNonce, boolean unsubscribed, Instant seenAt, Pause pause) {

    /** A paused profile is proposed nothing; {@code until} null: until its owner resumes it. */
    public record Pause(LocalDate until) {}

    /** Available, no sign of life recorded besides the edits. */
    public StoredProfile(Profile profile, ProfileStatus status, Instant createdAt, Instant updatedAt,
                         String verifyNonce, boolean unsubscribed) {
        this(profile, status, createdAt, updatedAt, verifyNonce, unsubscribed, null, null);
    }

    /** Whether matching may propose missions to this profile. */
    public boolean matchable() {
        return status == ProfileStatus.ACTIVE && profile.consent() && !unsubscribed && pause == null;
    }

    public boolean paused() {
        return pause != null;
    }

    /** The owner's last sign of life: an edit (or any change of theirs), an interest, an answer. */
    public Instant lastSeen() {
        return seenAt != null && seenAt.isAfter(updatedAt) ? seenAt : updatedAt;
    }

    /** The same profile and state, changed by its owner (or for them) at {@code now}. */
    public StoredProfile changed(Profile newProfile, Instant now, boolean nowUnsubscribed) {
        return new StoredProfile(newProfile, status, createdAt, now, verifyNonce, nowUnsubscribed, seenAt, pause);
    }
}

package org.socialdeclik.shared.ports;

import java.time.Instant;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;

/** A profile with its state: verification nonce while pending, unsubscribed flag. */
public record StoredProfile(Profile profile, ProfileStatus status, Instant createdAt, Instant updatedAt,
                            String verifyNonce, boolean unsubscribed) {

    /** Whether matching may propose missions to this profile. */
    public boolean matchable() {
        return status == ProfileStatus.ACTIVE && profile.consent() && !unsubscribed;
    }
}

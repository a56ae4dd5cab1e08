package org.socialdeclik.shared.app;

import java.util.Objects;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.ports.StoredProfile;

/**
 * Command: the signed-in owner's new editable fields. {@code owner} is what
 * {@link ProfileService#signedIn} answered for the access token (checked before the body, so a
 * bad link is reported before bad fields); {@code profile} keeps the owner's id and address.
 * {@code subscribed}, when not null, also switches proposals back on (true) or off (false).
 */
public record UpdateProfile(StoredProfile owner, Profile profile, Boolean subscribed) {
    public UpdateProfile {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(profile, "profile");
        if (!profile.id().equals(owner.profile().id()) || !profile.email().equals(owner.profile().email())) {
            throw new IllegalArgumentException("an update keeps the owner's id and address");
        }
    }
}

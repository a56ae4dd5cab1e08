package org.socialdeclik.shared.app;

import java.util.Objects;
import org.socialdeclik.shared.domain.Profile;

/** Command: a new profile as the form gave it (validated at the edge, with its new id). */
public record RegisterProfile(Profile profile) {
    public RegisterProfile {
        Objects.requireNonNull(profile, "profile");
    }
}

package org.socialdeclik.shared.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.token.Claims;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.Tokens;

/** Creating and verifying profiles (double opt-in, no account enumeration). */
public final class ProfileService {
    private final ProfileRepository profiles;
    private final Tokens tokens;
    private final Clock clock;

    public ProfileService(ProfileRepository profiles, Tokens tokens, Clock clock) {
        this.profiles = profiles;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * A new address gets a verification email; a known one gets a sign-in email (or, while still
     * unverified, its verification again). At most one such reminder per address and hour, so
     * the form cannot be used to flood someone's mailbox. The caller answers the same either way.
     */
    public void register(JsonNode body, Messages messages) {
        String id = Ids.newId();
        Profile profile = Requests.profile(id, null, body, messages, clock);
        Instant now = Instant.now(clock);
        Optional<StoredProfile> existing = profiles.register(profile, tokens.newNonce(), now,
                new OutboxEntry("VERIFY#" + id, OutboxEntry.Kind.VERIFY, Map.of("profileId", id)));
        if (existing.isPresent()) {
            StoredProfile known = existing.get();
            String knownId = known.profile().id();
            long hour = now.getEpochSecond() / 3600;
            OutboxEntry reminder = known.status() == ProfileStatus.ACTIVE
                    ? new OutboxEntry("SIGNIN#" + knownId + "#" + hour, OutboxEntry.Kind.SIGN_IN, Map.of("profileId", knownId))
                    : new OutboxEntry("VERIFY#" + knownId + "#" + hour, OutboxEntry.Kind.VERIFY, Map.of("profileId", knownId));
            profiles.enqueue(reminder, now);
        }
    }

    public record Verified(String profileId, ProfileStatus status, String accessToken, Instant expiresAt) {}

    /** Confirms the address with the single-use verification link; answers an access token. */
    public Verified verify(String token) {
        Claims claims = tokens.verify(token, Purpose.VERIFY);
        StoredProfile profile = profiles.activate(claims.subject(), claims.nonce(), Instant.now(clock));
        Instant expiresAt = tokens.expiryOf(Purpose.ACCESS);
        String access = tokens.mint(Purpose.ACCESS, profile.profile().id(), tokens.newNonce(), expiresAt);
        return new Verified(profile.profile().id(), ProfileStatus.ACTIVE, access, expiresAt);
    }
}

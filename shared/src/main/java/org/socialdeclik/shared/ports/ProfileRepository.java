package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.ProfileCard;

/** Profiles, their unique email addresses, and the index of active profiles by skill. */
public interface ProfileRepository {
    /**
     * Creates a pending profile with its verification email, unless the address is known.
     * @return empty when created; the existing profile when the address was already registered
     */
    Optional<StoredProfile> register(Profile profile, String verifyNonce, Instant now, OutboxEntry verification);

    Optional<StoredProfile> findProfile(String id);

    /**
     * Makes a pending profile active with the nonce its verification link carried, and writes
     * its index items, all or nothing.
     * @throws NotFoundException no such profile
     * @throws ConflictException the nonce was already used (or never issued)
     */
    StoredProfile activate(String id, String nonce, Instant now);

    Optional<StoredProfile> findProfileByEmail(String email);

    /**
     * Replaces the editable fields of a profile and rewrites its index items, all or nothing.
     * @throws NotFoundException no such profile
     */
    StoredProfile update(Profile profile, Instant now);

    /**
     * Stops every match email to this profile and takes it out of the candidate index.
     * @return false when the profile was unsubscribed already (nothing changed)
     */
    boolean unsubscribe(String id, Instant now);

    /**
     * Undoes {@link #unsubscribe}: the profile is proposed missions again and goes back into the
     * candidate index, all or nothing. Nothing happens for a profile that is subscribed.
     * @throws NotFoundException no such profile
     */
    StoredProfile resubscribe(String id, Instant now);

    /**
     * Erases the person: profile, email ownership, index items, proposal and interest records,
     * and the personal fields of their matches. Idempotent; the profile item goes last, so an
     * interrupted erasure can simply be asked again.
     */
    void erase(String id);

    /** Everything held about the person besides the profile itself. */
    ProfileRecords records(String id);

    /** Records an email to send about an existing profile. */
    void enqueue(OutboxEntry email, Instant now);

    /** Active profiles that have this skill id. */
    List<ProfileCard> activeProfilesWithSkill(String skillId);
}

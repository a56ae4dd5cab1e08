package org.socialdeclik.shared.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socialdeclik.shared.domain.Conflict;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.ports.ConflictException;
import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.OutboxRepository;
import org.socialdeclik.shared.ports.ProfileRecords;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.SuppressionList;

/**
 * The ports as the table keeps them, in memory, for fast service tests without the emulator:
 * the same answers as the DynamoDB adapters for the same calls (a pair recorded once, an outbox
 * id written once, a claim taken once), the indexes read from the records themselves. It is not
 * thread-safe and keeps no TTL; the emulator tiers test the adapters themselves.
 */
public final class InMemoryStore implements MissionRepository, ProfileRepository, MatchRepository, OutboxRepository,
        SuppressionList {
    private final Map<String, StoredMission> missions = new LinkedHashMap<>();
    private final Map<String, StoredProfile> profiles = new LinkedHashMap<>();
    private final Map<String, Pair> pairs = new LinkedHashMap<>();
    private final List<ProfileRecords.Interest> interests = new ArrayList<>();
    private final Map<String, Row> outbox = new LinkedHashMap<>();
    private final Set<String> suppressed = new HashSet<>();

    /** A (mission, profile) pair: proposed, deferred (with its due time) or dropped. */
    private static final class Pair {
        final String missionId;
        final String profileId;
        final MatchReasons reasons;
        String state;
        Instant dueAt;
        Instant proposedAt;
        boolean weekly;

        Pair(String missionId, String profileId, MatchReasons reasons) {
            this.missionId = missionId;
            this.profileId = profileId;
            this.reasons = reasons;
        }
    }

    /** An outbox item through its delivery. */
    private static final class Row {
        final OutboxEntry entry;
        final Instant createdAt;
        State state = State.PENDING;
        Instant claimedAt;
        final Set<String> accepted = new HashSet<>();

        Row(OutboxEntry entry, Instant createdAt) {
            this.entry = entry;
            this.createdAt = createdAt;
        }
    }

    private static String pairKey(String missionId, String profileId) {
        return missionId + "#" + profileId;
    }

    private static String address(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Writes the email unless one of that purpose exists; false when it did. */
    private boolean write(OutboxEntry email, Instant now) {
        return outbox.putIfAbsent(email.id(), new Row(email, now)) == null;
    }

    /** Every outbox entry written, in order. */
    public List<OutboxEntry> emails() {
        return outbox.values().stream().map(row -> row.entry).toList();
    }

    // ---- missions ---------------------------------------------------------------------------

    @Override
    public void submit(Mission mission, MissionStatus status, Instant now, List<OutboxEntry> emails) {
        if (missions.containsKey(mission.id())) {
            throw new IllegalStateException("mission " + mission.id() + " exists");
        }
        missions.put(mission.id(), new StoredMission(mission, status, now, now, null));
        emails.forEach(email -> write(email, now));
    }

    @Override
    public Optional<StoredMission> findMission(String id) {
        return Optional.ofNullable(missions.get(id));
    }

    @Override
    public StoredMission review(String id, boolean approve, String reason, Instant now) {
        StoredMission current = findMission(id).orElseThrow(() -> new NotFoundException("mission"));
        if (current.status() != MissionStatus.PENDING_REVIEW) {
            throw new ConflictException(Conflict.ALREADY_REVIEWED);
        }
        StoredMission next = new StoredMission(current.mission(), approve ? MissionStatus.PUBLISHED : MissionStatus.REJECTED,
                current.createdAt(), now, reason);
        missions.put(id, next);
        return next;
    }

    @Override
    public StoredMission close(String id, MissionOutcome outcome, Instant now, List<OutboxEntry> emails) {
        StoredMission current = findMission(id).orElseThrow(() -> new NotFoundException("mission"));
        if (current.status() == MissionStatus.CLOSED || current.status() == MissionStatus.REJECTED) {
            throw new ConflictException(Conflict.ALREADY_CLOSED);
        }
        StoredMission closed = new StoredMission(current.mission(), MissionStatus.CLOSED, current.createdAt(), now,
                current.reviewReason(), outcome);
        missions.put(id, closed);
        emails.forEach(email -> enqueue(email, now));
        return closed;
    }

    @Override
    public List<MissionCard> openMissionsWithSkill(String skillId) {
        return missions.values().stream().filter(m -> m.status() == MissionStatus.PUBLISHED)
                .map(m -> MissionCard.of(m.mission())).filter(card -> card.skillIds().contains(skillId)).toList();
    }

    // ---- profiles ---------------------------------------------------------------------------

    @Override
    public Optional<StoredProfile> register(Profile profile, String verifyNonce, Instant now, OutboxEntry verification) {
        Optional<StoredProfile> existing = findProfileByEmail(profile.email());
        if (existing.isPresent()) {
            return existing;
        }
        profiles.put(profile.id(), new StoredProfile(profile, ProfileStatus.PENDING_VERIFICATION, now, now, verifyNonce, false));
        write(verification, now);
        return Optional.empty();
    }

    @Override
    public Optional<StoredProfile> findProfile(String id) {
        return Optional.ofNullable(profiles.get(id));
    }

    @Override
    public StoredProfile activate(String id, String nonce, Instant now) {
        StoredProfile current = findProfile(id).orElseThrow(() -> new NotFoundException("profile"));
        if (current.status() != ProfileStatus.PENDING_VERIFICATION || !nonce.equals(current.verifyNonce())) {
            throw new ConflictException(Conflict.ALREADY_VERIFIED);
        }
        StoredProfile active = new StoredProfile(current.profile(), ProfileStatus.ACTIVE, current.createdAt(), now, null,
                current.unsubscribed());
        profiles.put(id, active);
        return active;
    }

    @Override
    public Optional<StoredProfile> findProfileByEmail(String email) {
        return profiles.values().stream().filter(p -> address(p.profile().email()).equals(address(email))).findFirst();
    }

    @Override
    public StoredProfile update(Profile profile, Instant now) {
        StoredProfile current = findProfile(profile.id()).orElseThrow(() -> new NotFoundException("profile"));
        StoredProfile updated = new StoredProfile(profile, current.status(), current.createdAt(), now, current.verifyNonce(),
                current.unsubscribed());
        profiles.put(profile.id(), updated);
        return updated;
    }

    /** Pauses a profile as the availability adapter does ({@code pause} null: resumes it). */
    public void pause(String id, StoredProfile.Pause pause, Instant now) {
        profiles.computeIfPresent(id, (k, p) -> new StoredProfile(p.profile(), p.status(), p.createdAt(), now, null, p.unsubscribed(), now, pause));
    }

    @Override
    public boolean unsubscribe(String id, Instant now) {
        StoredProfile current = findProfile(id).orElseThrow(() -> new NotFoundException("profile"));
        if (current.unsubscribed()) {
            return false;
        }
        profiles.put(id, new StoredProfile(current.profile(), current.status(), current.createdAt(), now, current.verifyNonce(), true));
        return true;
    }

    @Override
    public StoredProfile resubscribe(String id, Instant now) {
        StoredProfile current = findProfile(id).orElseThrow(() -> new NotFoundException("profile"));
        return !current.unsubscribed() ? current : profiles.compute(id, (key, p) ->
                new StoredProfile(p.profile(), p.status(), p.createdAt(), now, p.verifyNonce(), false));
    }

    @Override
    public void erase(String id) {
        profiles.remove(id);
        interests.removeIf(i -> pairs.containsKey(pairKey(i.missionId(), id)));
    }

    @Override
    public ProfileRecords records(String id) {
        List<ProfileRecords.Proposal> proposals = pairs.values().stream()
                .filter(p -> p.profileId.equals(id) && p.proposedAt != null)
                .map(p -> new ProfileRecords.Proposal(p.missionId, p.proposedAt, null)).toList();
        return new ProfileRecords(proposals, List.copyOf(interests));
    }

    @Override
    public void enqueue(OutboxEntry email, Instant now) {
        write(email, now);
    }

    @Override
    public List<ProfileCard> activeProfilesWithSkill(String skillId) {
        return profiles.values().stream().filter(StoredProfile::matchable).map(p -> ProfileCard.of(p.profile()))
                .filter(card -> card.skillIds().contains(skillId)).toList();
    }

    // ---- matches ----------------------------------------------------------------------------

    private boolean newPair(String missionId, String profileId, MatchReasons reasons, String state) {
        Pair pair = new Pair(missionId, profileId, reasons);
        pair.state = state;
        return pairs.putIfAbsent(pairKey(missionId, profileId), pair) == null;
    }

    private void proposed(String missionId, String profileId, Instant now) {
        Pair pair = pairs.get(pairKey(missionId, profileId));
        pair.state = "PROPOSED";
        pair.dueAt = null;
        pair.proposedAt = now;
    }

    @Override
    public boolean recordProposal(String missionId, String profileId, MatchReasons reasons, Instant now) {
        if (outbox.containsKey(OutboxEntry.proposal(missionId, profileId).id()) || !newPair(missionId, profileId, reasons, "PROPOSED")) {
            return false;
        }
        proposed(missionId, profileId, now);
        write(OutboxEntry.proposal(missionId, profileId), now);
        return true;
    }

    @Override
    public List<String> recordDigest(String profileId, Map<String, MatchReasons> byMission, Instant now) {
        List<String> recorded = new ArrayList<>();
        byMission.forEach((missionId, reasons) -> {
            if (!pairs.containsKey(pairKey(missionId, profileId))) {
                recorded.add(missionId);
            }
        });
        if (recorded.isEmpty() || outbox.containsKey(OutboxEntry.digest(profileId, recorded).id())) {
            return List.of();
        }
        for (String missionId : recorded) {
            newPair(missionId, profileId, byMission.get(missionId), "PROPOSED");
            proposed(missionId, profileId, now);
        }
        write(OutboxEntry.digest(profileId, recorded), now);
        return recorded;
    }

    @Override
    public Optional<MatchReasons> reasons(String missionId, String profileId) {
        return Optional.ofNullable(pairs.get(pairKey(missionId, profileId))).map(p -> p.reasons);
    }

    @Override
    public List<Instant> proposalsSince(String profileId, Instant since) {
        return pairs.values().stream().filter(p -> p.profileId.equals(profileId) && p.proposedAt != null
                        && !p.proposedAt.isBefore(since.truncatedTo(ChronoUnit.MILLIS)))
                .map(p -> p.proposedAt).sorted(Comparator.reverseOrder()).toList();
    }

    @Override
    public boolean recordInterest(String missionId, String profileId, Instant now) {
        if (!pairs.containsKey(pairKey(missionId, profileId))) {
            throw new NotFoundException("match");
        }
        List<OutboxEntry> emails = OutboxEntry.interest(missionId, profileId);
        if (outbox.containsKey(emails.get(0).id())) {
            return false;
        }
        interests.add(new ProfileRecords.Interest(missionId, now));
        emails.forEach(email -> write(email, now));
        return true;
    }

    @Override
    public boolean recordDeferred(String missionId, String profileId, MatchReasons reasons, Instant dueAt, Instant now) {
        if (!newPair(missionId, profileId, reasons, "DEFERRED")) {
            return false;
        }
        pairs.get(pairKey(missionId, profileId)).dueAt = dueAt;
        return true;
    }

    @Override
    public boolean recordWaiting(String missionId, String profileId, MatchReasons reasons, Instant digestAt, Instant now) {
        boolean recorded = recordDeferred(missionId, profileId, reasons, digestAt, now);
        pairs.get(pairKey(missionId, profileId)).weekly |= recorded;
        return recorded;
    }

    @Override
    public List<DuePair> waitingPairs(Instant now, int weeksBack) {
        return pairs.values().stream().filter(p -> p.weekly && "DEFERRED".equals(p.state) && !p.dueAt.isAfter(now))
                .sorted(Comparator.comparing(p -> p.profileId)).map(p -> new DuePair(p.missionId, p.profileId, p.dueAt, true)).toList();
    }

    @Override
    public List<String> promoteToDigest(String profileId, List<DuePair> due, Instant now) {
        List<String> ids = due.stream().filter(d -> "DEFERRED".equals(pairs.get(pairKey(d.missionId(), profileId)).state))
                .map(DuePair::missionId).toList();
        if (ids.isEmpty() || !write(OutboxEntry.digest(profileId, ids), now)) {
            return List.of();
        }
        ids.forEach(missionId -> proposed(missionId, profileId, now));
        return ids;
    }

    @Override
    public List<DuePair> duePairs(Instant now, int daysBack) {
        Instant firstDay = now.minus(Duration.ofDays(daysBack)).truncatedTo(ChronoUnit.DAYS);
        return pairs.values().stream().filter(p -> !p.weekly && "DEFERRED".equals(p.state) && !p.dueAt.isAfter(now) && !p.dueAt.isBefore(firstDay))
                .sorted(Comparator.comparing(p -> p.dueAt)).map(p -> new DuePair(p.missionId, p.profileId, p.dueAt)).toList();
    }

    @Override
    public boolean promoteDeferred(DuePair due, Instant now) {
        Pair pair = pairs.get(pairKey(due.missionId(), due.profileId()));
        if (pair == null || !"DEFERRED".equals(pair.state) || !write(OutboxEntry.proposal(due.missionId(), due.profileId()), now)) {
            return false;
        }
        proposed(due.missionId(), due.profileId(), now);
        return true;
    }

    @Override
    public void postpone(DuePair due, Instant newDueAt) {
        pairs.get(pairKey(due.missionId(), due.profileId())).dueAt = newDueAt;
    }

    @Override
    public void forgetDeferred(DuePair due) {
        pairs.computeIfPresent(pairKey(due.missionId(), due.profileId()), (key, pair) -> "DEFERRED".equals(pair.state) ? null : pair);
    }

    @Override
    public void dropDeferred(DuePair due) {
        Pair pair = pairs.get(pairKey(due.missionId(), due.profileId()));
        pair.state = "DROPPED";
        pair.dueAt = null;
    }

    // ---- outbox -----------------------------------------------------------------------------

    @Override
    public Optional<OutboxEntry> findEmail(String id) {
        return Optional.ofNullable(outbox.get(id)).map(row -> row.entry);
    }

    @Override
    public Optional<Delivery> delivery(String id) {
        return Optional.ofNullable(outbox.get(id))
                .map(row -> new Delivery(row.entry, row.state, row.createdAt, row.claimedAt, row.accepted));
    }

    @Override
    public Optional<Claim> claim(String id, Instant now) {
        Row row = outbox.get(id);
        if (row == null || row.state != State.PENDING) {
            return Optional.empty();
        }
        row.state = State.SENDING;
        row.claimedAt = now;
        return Optional.of(new Claim(now, row.accepted));
    }

    @Override
    public Optional<Claim> reclaim(String id, Instant claimedAt, Instant now) {
        Row row = outbox.get(id);
        if (row == null || row.state != State.SENDING || !claimedAt.equals(row.claimedAt)) {
            return Optional.empty();
        }
        row.claimedAt = now;
        return Optional.of(new Claim(now, row.accepted));
    }

    @Override
    public void accepted(String id, String part, String messageId) {
        Optional.ofNullable(outbox.get(id)).ifPresent(row -> row.accepted.add(part));
    }

    @Override
    public void markSent(String id, Instant now, String part, String messageId) {
        Optional.ofNullable(outbox.get(id)).ifPresent(row -> {
            row.state = State.SENT;
            row.claimedAt = null;
            if (part != null) {
                row.accepted.add(part);
            }
        });
    }

    @Override
    public void release(String id, Instant claimedAt) {
        Row row = outbox.get(id);
        if (row != null && row.state == State.SENDING && claimedAt.equals(row.claimedAt)) {
            row.state = State.PENDING;
            row.claimedAt = null;
        }
    }

    @Override
    public void unconfirmed(String id, Instant claimedAt, Instant now) {
        // the claim stays as it is: only the sweep, after its wait, takes it again
    }

    // ---- suppression ------------------------------------------------------------------------

    @Override
    public void suppress(String email, String reason, Instant now) {
        suppressed.add(address(email));
    }

    @Override
    public boolean suppressed(String email) {
        return suppressed.contains(address(email));
    }
}

package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.ports.AdminDesk;
import org.socialdeclik.shared.ports.MissionActivity;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.token.Claims;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.TokenException;
import org.socialdeclik.shared.token.Tokens;

/**
 * The admins' desk: the sign-in link (only to an address of {@code AdminEmails}, and the same
 * answer for any other), the check of the admin token every desk call carries, and the queue.
 * An admin token names its admin by a digest of the address, and is refused as soon as that
 * address leaves {@code AdminEmails}.
 */
public final class AdminService {
    /** At most one sign-in email per admin in this many seconds, so the form cannot flood a mailbox. */
    static final long LINK_WINDOW_SECONDS = 600;
    /** How long a published mission may go without any interest before the desk lists it as quiet. */
    public static final Duration QUIET_AFTER = Duration.ofDays(7);

    private final AdminDesk desk;
    private final MissionActivity activity;
    private final Tokens tokens;
    private final Set<String> admins;
    private final Clock clock;

    public AdminService(AdminDesk desk, MissionActivity activity, Tokens tokens, List<String> adminEmails, Clock clock) {
        this.desk = desk;
        this.activity = activity;
        this.tokens = tokens;
        this.admins = adminEmails.stream().map(OutboxEntry::part).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    /** Sends an admin's address its sign-in link (in {@code locale}); does nothing for any other address. */
    public void requestLink(String email, String locale) {
        String admin = OutboxEntry.part(email);
        if (!admins.contains(admin)) {
            return;
        }
        Instant now = Instant.now(clock);
        long window = now.getEpochSecond() / LINK_WINDOW_SECONDS;
        desk.enqueue(new OutboxEntry("ADMIN_LINK#" + admin + "#" + window, OutboxEntry.Kind.ADMIN_LINK,
                Map.of("admin", admin, "locale", "en".equals(locale) ? "en" : "fr")), now);
    }

    /**
     * The session of a valid admin token of a current admin.
     * @throws TokenException for anything else (no token, another purpose, expired, a former admin)
     */
    public AdminSession authorize(String token) {
        Claims claims = tokens.verify(token, Purpose.ADMIN);
        if (!admins.contains(claims.subject())) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        return new AdminSession(claims.subject());
    }

    /**
     * A mission of a queue with its activity so far; {@code quiet} when it is published, was
     * published at least {@link #QUIET_AFTER} ago (by this function's clock) and nobody said they
     * were interested.
     */
    public record QueuedMission(AdminDesk.Listed listed, MissionActivity.Counts counts, boolean quiet) {}

    /** The missions in this status, oldest first, each with its proposals and interests. */
    public List<QueuedMission> queue(AdminSession session, MissionStatus status) {
        Instant quietBefore = Instant.now(clock).minus(QUIET_AFTER);
        return desk.missions(status).stream().map(listed -> {
            MissionActivity.Counts counts = activity.counts(listed.stored().mission().id());
            boolean quiet = status == MissionStatus.PUBLISHED && counts.interested() == 0 && listed.publishedAt() != null
                    && !listed.publishedAt().isAfter(quietBefore);
            return new QueuedMission(listed, counts, quiet);
        }).toList();
    }
}

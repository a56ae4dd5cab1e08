package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.List;
import org.socialdeclik.shared.domain.MissionStatus;

/** What the admins' desk reads and writes: its sign-in emails, and the missions by status. */
public interface AdminDesk {
    /** Records an email to send; nothing when one of the same purpose (id) was recorded before. */
    void enqueue(OutboxEntry email, Instant now);

    /** The missions in this status, oldest first (by submission). */
    List<Listed> missions(MissionStatus status);

    /** A mission of the queue, and when it was published (null when never published). */
    record Listed(StoredMission stored, Instant publishedAt) {}
}

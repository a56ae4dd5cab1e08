package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.logging.BusinessMetric;
import org.socialdeclik.shared.logging.BusinessMetrics;
import org.socialdeclik.shared.ports.OutboxRepository;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.SuppressionList;

/**
 * What SES reports back through the configuration set: that it accepted a message (its send
 * event, the evidence that decides whether an email whose send had an unknown outcome went out);
 * that an address bounced for good or complained, which is then never emailed again, and whose
 * profile stops being matched.
 */
public final class FeedbackService {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);

    private final SuppressionList suppressions;
    private final ProfileRepository profiles;
    private final OutboxRepository outbox;
    private final Clock clock;

    public FeedbackService(SuppressionList suppressions, ProfileRepository profiles, OutboxRepository outbox, Clock clock) {
        this.suppressions = suppressions;
        this.profiles = profiles;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** SES took a message (a {@code Send} event, or {@code Reject}: taken, then found to carry a virus). */
    public record Acceptance(String outboxId, String part, String messageId) {}

    /** Records the evidence on the outbox item; events about messages that are not ours change nothing. */
    public void accepted(Acceptance acceptance) {
        outbox.accepted(acceptance.outboxId(), acceptance.part(), acceptance.messageId());
        LOG.info("SES accepted a part of an outbox item");
    }

    /** One SES event: {@code Bounce} (only {@code Permanent} ones count) or {@code Complaint}. */
    public record Feedback(String type, String bounceType, List<String> recipients) {}

    public int handle(Feedback feedback) {
        String reason;
        if ("Complaint".equalsIgnoreCase(feedback.type())) {
            reason = "COMPLAINT";
        } else if ("Bounce".equalsIgnoreCase(feedback.type()) && "Permanent".equalsIgnoreCase(feedback.bounceType())) {
            reason = "BOUNCE";
        } else {
            return 0; // transient bounces and other events change nothing
        }
        Instant now = Instant.now(clock);
        List<String> done = new ArrayList<>();
        for (String address : feedback.recipients()) {
            suppressions.suppress(address, reason, now);
            profiles.findProfileByEmail(address).map(StoredProfile::profile)
                    .ifPresent(profile -> profiles.unsubscribe(profile.id(), now));
            done.add(address);
        }
        LOG.info("{} address(es) suppressed after a {}", done.size(), reason);
        BusinessMetrics.count(reason.equals("BOUNCE") ? BusinessMetric.BOUNCES : BusinessMetric.COMPLAINTS, done.size());
        return done.size();
    }
}

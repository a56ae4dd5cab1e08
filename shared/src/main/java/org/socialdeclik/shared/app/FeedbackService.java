package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.SuppressionList;

/**
 * What SES reports back through the configuration set: an address that bounced for good or
 * complained is never emailed again, and a profile that owns it stops being matched.
 */
public final class FeedbackService {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);

    private final SuppressionList suppressions;
    private final ProfileRepository profiles;
    private final Clock clock;

    public FeedbackService(SuppressionList suppressions, ProfileRepository profiles, Clock clock) {
        this.suppressions = suppressions;
        this.profiles = profiles;
        this.clock = clock;
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
        return done.size();
    }
}

package org.socialdeclik.shared.logging;

/**
 * The platform's business numbers. Each is a CloudWatch metric of the namespace
 * {@value BusinessMetrics#NAMESPACE} with one dimension, {@value BusinessMetrics#DIMENSION} (the
 * stack's name), extracted by CloudWatch Logs from the line {@link BusinessMetrics#count} writes.
 * The dashboard in template.yaml graphs every one of them (a test holds the two lists together).
 */
public enum BusinessMetric {
    /** A mission stored after its form was accepted. */
    MISSIONS_SUBMITTED("MissionsSubmitted"),
    /** A mission published: at submission with moderation off, or approved by an admin. */
    MISSIONS_PUBLISHED("MissionsPublished"),
    /** A mission closed by its organisation. */
    MISSIONS_CLOSED("MissionsClosed"),
    /** A profile whose address was confirmed (it becomes matchable). */
    PROFILES_VERIFIED("ProfilesVerified"),
    /** A proposal email (one mission, or a digest of several) accepted by SES. */
    PROPOSALS_SENT("ProposalsSent"),
    /** A (mission, freelancer) pair held back by the weekly cap, to be proposed later. */
    PROPOSALS_DEFERRED("ProposalsDeferred"),
    /** A first "I'm interested" for a (mission, freelancer) pair. */
    INTERESTS("Interests"),
    /** A profile that unsubscribed from proposals through its link (not already unsubscribed). */
    UNSUBSCRIBES("Unsubscribes"),
    /** An address that bounced for good, as SES reported it. */
    BOUNCES("Bounces"),
    /** An address whose owner marked an email as spam, as SES reported it. */
    COMPLAINTS("Complaints");

    private final String metricName;

    BusinessMetric(String metricName) {
        this.metricName = metricName;
    }

    /** The CloudWatch metric name. */
    public String metricName() {
        return metricName;
    }
}

package org.socialdeclik.shared.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a business event as one JSON log line in CloudWatch's embedded metric format (EMF):
 * CloudWatch Logs turns the line into a metric value, so counting costs no call to any service,
 * only the line on stdout that every log line costs. The line goes through the JSON logging like
 * any other (at INFO, logger {@value #LOGGER}); {@link JsonLogWriter} adds the {@code _aws}
 * directive that names the metric. A function whose log level is above INFO writes no metric
 * line, and Lambda's own level filter would drop it anyway.
 */
public final class BusinessMetrics {
    /** The CloudWatch namespace of every business metric. */
    public static final String NAMESPACE = "SocialDeclik";
    /** The one dimension of every business metric: the stack's name (environment {@code STACK_NAME}). */
    public static final String DIMENSION = "Stack";
    /** The logger name metric lines carry. */
    public static final String LOGGER = "org.socialdeclik.metrics";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private BusinessMetrics() {}

    /** One more {@code metric}. */
    public static void count(BusinessMetric metric) {
        count(metric, 1);
    }

    /** {@code n} more {@code metric}; nothing is written for zero. */
    public static void count(BusinessMetric metric, long n) {
        if (n <= 0 || !LOG.isInfoEnabled()) {
            return;
        }
        LOG.atInfo().addKeyValue(metric.metricName(), new MetricCount(metric.metricName(), n)).log("business metric");
    }

    /** A metric value in a log event; {@link JsonLogWriter} writes it as a number and names it in {@code _aws}. */
    record MetricCount(String name, long value) {}
}

package org.socialdeclik.shared.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A tiny SLF4J 2.x backend for Lambda functions: one JSON object per line on stdout, no
 * configuration file, no dependency beyond slf4j-api (cold start matters).
 *
 * <p>Found by slf4j-api through {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}.
 * The minimum level comes from {@code LOG_LEVEL}, else Lambda's {@code AWS_LAMBDA_LOG_LEVEL},
 * else INFO. E-mail addresses and tokens are redacted from every line as a safety net.
 */
public final class JsonLoggingServiceProvider implements SLF4JServiceProvider {

    /** The SLF4J API version this provider is written against. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    /** Public no-argument constructor, as {@link java.util.ServiceLoader} requires. */
    public JsonLoggingServiceProvider() {
    }

    @Override
    public void initialize() {
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new BasicMDCAdapter();
        JsonLogWriter writer = new JsonLogWriter(mdcAdapter, JsonLogWriter.thresholdFrom(System::getenv),
                JsonLogWriter.stackNameFrom(System::getenv));
        loggerFactory = new JsonLoggerFactory(writer);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}

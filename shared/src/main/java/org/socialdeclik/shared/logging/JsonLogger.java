package org.socialdeclik.shared.logging;

import java.io.Serial;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * An SLF4J logger whose level checks are one field read and a comparison, so disabled DEBUG and
 * TRACE calls cost next to nothing. Messages are formatted with {@link MessageFormatter}; a
 * trailing {@link Throwable} argument is taken as the event's throwable. Key-value pairs given
 * through the fluent API ({@code log.atInfo().addKeyValue("missionId", id).log("...")}) become
 * fields of the JSON line.
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final int TRACE = Level.TRACE.toInt();
    private static final int DEBUG = Level.DEBUG.toInt();
    private static final int INFO = Level.INFO.toInt();
    private static final int WARN = Level.WARN.toInt();
    private static final int ERROR = Level.ERROR.toInt();

    /** Not serialized: a deserialized logger is replaced by {@code readResolve} in AbstractLogger. */
    private final transient JsonLogWriter writer;

    JsonLogger(String name, JsonLogWriter writer) {
        this.name = name;
        this.writer = writer;
    }

    @Override
    public boolean isTraceEnabled() {
        return writer.isEnabled(TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return writer.isEnabled(DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return writer.isEnabled(INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return writer.isEnabled(WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return writer.isEnabled(ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null; // caller location is never computed: it is slow and not logged
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        emit(level, messagePattern, arguments, throwable, null);
    }

    /** Fluent API entry point ({@code atInfo()...log()}); the builder already checked the level. */
    @Override
    public void log(LoggingEvent event) {
        Level level = event.getLevel();
        if (level == null || !writer.isEnabled(level.toInt())) {
            return;
        }
        emit(level, event.getMessage(), event.getArgumentArray(), event.getThrowable(), event.getKeyValuePairs());
    }

    private void emit(Level level, String pattern, Object[] arguments, Throwable throwable,
                      List<KeyValuePair> keyValuePairs) {
        Object[] args = arguments;
        Throwable error = throwable;
        if (error == null && args != null) {
            Throwable candidate = MessageFormatter.getThrowableCandidate(args);
            if (candidate != null) {
                error = candidate;
                args = MessageFormatter.trimmedCopy(args);
            }
        }
        String message = (args == null || args.length == 0)
                ? pattern
                : MessageFormatter.basicArrayFormat(pattern, args);
        writer.write(level, name, message, error, keyValuePairs);
    }
}

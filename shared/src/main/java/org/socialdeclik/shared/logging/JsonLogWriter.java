package org.socialdeclik.shared.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

/**
 * Turns one logging event into one JSON line and writes it, in a single call, to stdout (or to
 * the stream a test put in its place):
 * <pre>{"timestamp":"2026-11-27T20:00:00.123Z","level":"INFO","logger":"...","message":"...",
 * "requestId":"...", "error":"java.lang.IllegalStateException: ...","stack":"..."}</pre>
 * MDC entries, then fluent key-value pairs, follow the fixed fields; a key that would clash with
 * a fixed field is written with a leading underscore. Message, MDC values, key-value values and
 * exception messages go through {@link LogRedactor}.
 *
 * <p>A line that carries {@link BusinessMetrics.MetricCount} values is also a CloudWatch embedded
 * metric format document: each value is written as a number under its metric name, and the line
 * gains {@code "_aws"} (the timestamp in epoch milliseconds and the metric directive: namespace,
 * dimension, names and unit) and the dimension's value, the stack's name.
 */
final class JsonLogWriter {

    /** Threshold that lets nothing through. */
    static final int OFF = Integer.MAX_VALUE;

    private static final Set<String> FIXED_FIELDS = Set.of("timestamp", "level", "logger", "message", "error", "stack");
    private static final int MAX_FRAMES_PER_THROWABLE = 64;
    private static final int MAX_NESTED_THROWABLES = 16;

    private final MDCAdapter mdc;
    private final String stackName;
    private volatile int threshold;
    private volatile PrintStream output; // null: System.out, looked up at each write

    JsonLogWriter(MDCAdapter mdc, int threshold) {
        this(mdc, threshold, "local");
    }

    /** {@code stackName}: the value of the business metrics' dimension (see {@link #stackNameFrom}). */
    JsonLogWriter(MDCAdapter mdc, int threshold, String stackName) {
        this.mdc = mdc;
        this.threshold = threshold;
        this.stackName = stackName;
    }

    /** {@code STACK_NAME} (set by template.yaml), else {@code local}. */
    static String stackNameFrom(Function<String, String> environment) {
        String value = environment.apply("STACK_NAME");
        return value == null || value.isBlank() ? "local" : value.strip();
    }

    /**
     * The minimum level from {@code LOG_LEVEL}, else {@code AWS_LAMBDA_LOG_LEVEL} (set by Lambda's
     * advanced logging controls), else INFO. Accepts TRACE, DEBUG, INFO, WARN (or WARNING), ERROR
     * (FATAL maps to it) and OFF, in any case; an unknown value counts as unset.
     */
    static int thresholdFrom(Function<String, String> environment) {
        Integer level = parseLevel(environment.apply("LOG_LEVEL"));
        if (level == null) {
            level = parseLevel(environment.apply("AWS_LAMBDA_LOG_LEVEL"));
        }
        return level != null ? level : Level.INFO.toInt();
    }

    private static Integer parseLevel(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.TRACE.toInt();
            case "DEBUG" -> Level.DEBUG.toInt();
            case "INFO" -> Level.INFO.toInt();
            case "WARN", "WARNING" -> Level.WARN.toInt();
            case "ERROR", "FATAL" -> Level.ERROR.toInt();
            case "OFF" -> OFF;
            default -> null;
        };
    }

    boolean isEnabled(int levelInt) {
        return levelInt >= threshold;
    }

    int threshold() {
        return threshold;
    }

    /** For tests: change the minimum level (a {@link Level#toInt()} value, or {@link #OFF}). */
    void setThreshold(int threshold) {
        this.threshold = threshold;
    }

    /** For tests: write to {@code stream} instead of stdout; {@code null} goes back to stdout. */
    void setOutput(PrintStream stream) {
        this.output = stream;
    }

    void write(Level level, String loggerName, String message, Throwable throwable, List<KeyValuePair> keyValuePairs) {
        String line;
        try {
            line = format(System.currentTimeMillis(), level, loggerName, message, throwable, keyValuePairs);
        } catch (RuntimeException e) {
            // Never let logging break the function; say so on stderr without echoing any content.
            System.err.println("json-logging: could not format a log line from " + loggerName + ": " + e.getClass().getName());
            return;
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        PrintStream target = output != null ? output : System.out;
        target.write(bytes, 0, bytes.length); // one call: PrintStream locks, so lines never interleave
        target.flush();
    }

    String format(long epochMillis, Level level, String loggerName, String message, Throwable throwable,
                  List<KeyValuePair> keyValuePairs) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"timestamp\":\"");
        JsonText.appendTimestamp(out, epochMillis);
        out.append("\",\"level\":\"").append(level.name()).append("\",\"logger\":");
        JsonText.appendString(out, loggerName);
        out.append(",\"message\":");
        JsonText.appendString(out, LogRedactor.redact(String.valueOf(message)));

        Map<String, String> context = mdc.getCopyOfContextMap();
        List<String> metrics = null;
        if (keyValuePairs == null || keyValuePairs.isEmpty()) {
            if (context != null) {
                for (Map.Entry<String, String> entry : context.entrySet()) {
                    appendField(out, entry.getKey(), entry.getValue());
                }
            }
        } else {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (context != null) {
                fields.putAll(context);
            }
            for (KeyValuePair pair : keyValuePairs) {
                fields.put(String.valueOf(pair.key), pair.value); // the event's own pair wins over the MDC
            }
            for (Map.Entry<String, Object> entry : fields.entrySet()) {
                appendField(out, entry.getKey(), entry.getValue());
                if (entry.getValue() instanceof BusinessMetrics.MetricCount count) {
                    metrics = metrics == null ? new ArrayList<>() : metrics;
                    metrics.add(count.name());
                }
            }
        }
        if (metrics != null) {
            appendMetricDirective(out, epochMillis, metrics);
        }

        if (throwable != null) {
            out.append(",\"error\":");
            JsonText.appendString(out, describe(throwable));
            out.append(",\"stack\":");
            JsonText.appendString(out, stackOf(throwable));
        }
        return out.append("}\n").toString();
    }

    /** The embedded metric format's {@code _aws} member and the dimension's value. */
    private void appendMetricDirective(StringBuilder out, long epochMillis, List<String> metrics) {
        out.append(",\"_aws\":{\"Timestamp\":").append(epochMillis).append(",\"CloudWatchMetrics\":[{\"Namespace\":");
        JsonText.appendString(out, BusinessMetrics.NAMESPACE);
        out.append(",\"Dimensions\":[[");
        JsonText.appendString(out, BusinessMetrics.DIMENSION);
        out.append("]],\"Metrics\":[");
        for (int i = 0; i < metrics.size(); i++) {
            out.append(i == 0 ? "{\"Name\":" : ",{\"Name\":");
            JsonText.appendString(out, metrics.get(i));
            out.append(",\"Unit\":\"Count\"}");
        }
        out.append("]}]},");
        JsonText.appendString(out, BusinessMetrics.DIMENSION);
        out.append(':');
        JsonText.appendString(out, stackName);
    }

    private static void appendField(StringBuilder out, String key, Object value) {
        out.append(',');
        JsonText.appendString(out, FIXED_FIELDS.contains(key) ? "_" + key : key);
        out.append(':');
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b.booleanValue());
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case BusinessMetrics.MetricCount count -> out.append(count.value());
            case String s -> JsonText.appendString(out, LogRedactor.redact(s));
            default -> JsonText.appendString(out, LogRedactor.redact(safeToString(value)));
        }
    }

    private static String safeToString(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return "[toString() failed: " + e.getClass().getName() + "]";
        }
    }

    /** {@code ClassName: message} like {@link Throwable#toString()}, with the message redacted. */
    static String describe(Throwable throwable) {
        String message = throwable.getLocalizedMessage();
        String className = throwable.getClass().getName();
        return message == null ? className : className + ": " + LogRedactor.redact(message);
    }

    /**
     * The stack trace as {@link Throwable#printStackTrace()} lays it out (causes, suppressed
     * exceptions, "... n more" for frames shared with the enclosing trace), with exception messages
     * redacted. Frames are code locations and are kept as they are. At most
     * {@value #MAX_FRAMES_PER_THROWABLE} frames per throwable and {@value #MAX_NESTED_THROWABLES}
     * nested throwables, so a runaway recursion cannot produce a giant line.
     */
    static String stackOf(Throwable throwable) {
        StringBuilder out = new StringBuilder(1024);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int[] budget = {MAX_NESTED_THROWABLES};
        appendThrowable(out, throwable, null, "", "", seen, budget);
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == '\n') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    private static void appendThrowable(StringBuilder out, Throwable throwable, StackTraceElement[] enclosingFrames,
                                        String caption, String indent, Set<Throwable> seen, int[] budget) {
        if (!seen.add(throwable)) {
            out.append(indent).append(caption).append("[CIRCULAR REFERENCE: ").append(describe(throwable)).append("]\n");
            return;
        }
        if (budget[0]-- <= 0) {
            out.append(indent).append(caption).append(describe(throwable)).append(" [further causes omitted]\n");
            return;
        }
        StackTraceElement[] frames = throwable.getStackTrace();
        int inCommon = 0;
        if (enclosingFrames != null) {
            int mine = frames.length - 1;
            int theirs = enclosingFrames.length - 1;
            while (mine >= 0 && theirs >= 0 && frames[mine].equals(enclosingFrames[theirs])) {
                mine--;
                theirs--;
            }
            inCommon = frames.length - 1 - mine;
        }
        int unique = frames.length - inCommon;
        int shown = Math.min(unique, MAX_FRAMES_PER_THROWABLE);

        out.append(indent).append(caption).append(describe(throwable)).append('\n');
        for (int i = 0; i < shown; i++) {
            out.append(indent).append("\tat ").append(frames[i]).append('\n');
        }
        if (unique > shown) {
            out.append(indent).append("\t... ").append(unique - shown).append(" frames omitted\n");
        }
        if (inCommon > 0) {
            out.append(indent).append("\t... ").append(inCommon).append(" more\n");
        }
        for (Throwable suppressed : throwable.getSuppressed()) {
            appendThrowable(out, suppressed, frames, "Suppressed: ", indent + "\t", seen, budget);
        }
        Throwable cause = throwable.getCause();
        if (cause != null) {
            appendThrowable(out, cause, frames, "Caused by: ", indent, seen, budget);
        }
    }
}

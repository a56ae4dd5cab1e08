package org.socialdeclik.perf;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Runtime Interface Emulator says about one cold start. Its own log lines are read:
 * {@code INIT REPORT(durationMs: X)} (exec of the bootstrap until the runtime's first
 * {@code /next}: JVM start, runtime client, handler class and constructor) and
 * {@code INVOKE RTDONE(status: ..., duration: Yms)} (the first invocation). The Lambda-style
 * {@code REPORT ... Init Duration} line of this emulator build prints a placeholder (0.0x ms) and
 * folds init into {@code Duration}, so it is read only when it holds a real figure.
 *
 * @param initMs   init duration in ms
 * @param invokeMs first-invocation duration in ms
 * @param status   the invocation's status as the emulator reports it ("success", "error" ...)
 */
public record RieReport(double initMs, double invokeMs, String status) {
    private static final Pattern INIT = Pattern.compile("INIT REPORT\\(durationMs: ([0-9.]+)\\)");
    private static final Pattern REPORT_INIT = Pattern.compile("Init Duration: ([0-9.]+) ms");
    private static final Pattern INVOKE = Pattern.compile(
            "INVOKE RTDONE\\(status: ([a-z_]+)[^)]*?duration: ([0-9.]+)ms\\)");

    /** The report in an emulator log, once both the init and the invocation lines are there. */
    public static Optional<RieReport> parse(String log) {
        Matcher invoke = INVOKE.matcher(log);
        if (!invoke.find()) {
            return Optional.empty();
        }
        double init = Double.NaN;
        Matcher reportInit = REPORT_INIT.matcher(log);
        if (reportInit.find() && Double.parseDouble(reportInit.group(1)) >= 1.0) {
            init = Double.parseDouble(reportInit.group(1));
        }
        Matcher initReport = INIT.matcher(log);
        if (Double.isNaN(init) && initReport.find()) {
            init = Double.parseDouble(initReport.group(1));
        }
        if (Double.isNaN(init)) {
            return Optional.empty();
        }
        return Optional.of(new RieReport(init, Double.parseDouble(invoke.group(2)), invoke.group(1)));
    }

    public boolean succeeded() {
        return status.equals("success");
    }
}

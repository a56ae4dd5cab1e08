package org.socialdeclik.shared.logging;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.event.Level;

/**
 * A {@link LogCapture} opened before each test at a given level and closed after it:
 * {@code @RegisterExtension final CapturedLogs logs = new CapturedLogs(Level.INFO);}.
 */
final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {
    private final Level level;
    private LogCapture capture;

    CapturedLogs(Level level) {
        this.level = level;
    }

    LogCapture capture() {
        return capture;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        capture = LogCapture.start().threshold(level);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        capture.close();
    }
}

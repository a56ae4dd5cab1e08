package org.socialdeclik.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogLevelThresholdTest {

    @Test
    void defaultsToInfoWhenNothingIsSet() {
        assertThat(JsonLogWriter.thresholdFrom(Map.<String, String>of()::get)).isEqualTo(Level.INFO.toInt());
    }

    @Test
    void logLevelIsReadCaseInsensitively() {
        assertThat(JsonLogWriter.thresholdFrom(Map.of("LOG_LEVEL", " debug ")::get)).isEqualTo(Level.DEBUG.toInt());
    }

    @Test
    void lambdaLogLevelIsUsedWhenLogLevelIsAbsent() {
        assertThat(JsonLogWriter.thresholdFrom(Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN")::get)).isEqualTo(Level.WARN.toInt());
    }

    @Test
    void logLevelWinsOverLambdaLogLevel() {
        Map<String, String> env = Map.of("LOG_LEVEL", "ERROR", "AWS_LAMBDA_LOG_LEVEL", "TRACE");

        assertThat(JsonLogWriter.thresholdFrom(env::get)).isEqualTo(Level.ERROR.toInt());
    }

    @Test
    void lambdaFatalMapsToError() {
        assertThat(JsonLogWriter.thresholdFrom(Map.of("AWS_LAMBDA_LOG_LEVEL", "FATAL")::get)).isEqualTo(Level.ERROR.toInt());
    }

    @Test
    void unknownValueFallsBackToTheNextSource() {
        Map<String, String> env = Map.of("LOG_LEVEL", "verbose", "AWS_LAMBDA_LOG_LEVEL", "DEBUG");

        assertThat(JsonLogWriter.thresholdFrom(env::get)).isEqualTo(Level.DEBUG.toInt());
    }

    @Test
    void offSilencesEveryLevel() {
        int threshold = JsonLogWriter.thresholdFrom(Map.of("LOG_LEVEL", "OFF")::get);

        assertThat(threshold).isGreaterThan(Level.ERROR.toInt());
    }
}

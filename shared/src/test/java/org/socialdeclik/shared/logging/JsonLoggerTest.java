package org.socialdeclik.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

class JsonLoggerTest {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLoggerTest.class);

    private LogCapture capture;

    @BeforeEach
    void startCapture() {
        capture = LogCapture.start().threshold(Level.INFO);
    }

    @AfterEach
    void stopCapture() {
        capture.close();
    }

    @Test
    void infoLineIsOneJsonObjectWithTimestampLevelLoggerAndFormattedMessage() {
        Instant before = Instant.now().minusMillis(1);

        LOG.info("mission {} published with {} skills", "m-42", 3);

        String line = capture.lines().getFirst();
        JsonNode entry = capture.single();
        assertThat(fieldNames(entry)).containsExactly("timestamp", "level", "logger", "message");
        assertThat(entry.get("level").asText()).isEqualTo("INFO");
        assertThat(entry.get("logger").asText()).isEqualTo(JsonLoggerTest.class.getName());
        assertThat(entry.get("message").asText()).isEqualTo("mission m-42 published with 3 skills");
        assertThat(entry.get("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(entry.get("timestamp").asText()))
                .isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void mdcRequestIdBecomesAField() {
        MDC.put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");

        LOG.info("handling request");

        JsonNode entry = capture.single();
        assertThat(entry.get("requestId").asText()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    }

    @Test
    void mdcKeyNamedLikeAFixedFieldDoesNotOverwriteIt() {
        MDC.put("level", "custom");

        LOG.warn("careful");

        JsonNode entry = capture.single();
        assertThat(entry.get("level").asText()).isEqualTo("WARN");
        assertThat(entry.get("_level").asText()).isEqualTo("custom");
    }

    @Test
    void levelsBelowTheThresholdAreDropped() {
        capture.threshold(Level.WARN);

        LOG.trace("trace");
        LOG.debug("debug");
        LOG.info("info");
        LOG.warn("warn");
        LOG.error("error");

        assertThat(capture.entries()).extracting(e -> e.get("level").asText()).containsExactly("WARN", "ERROR");
    }

    @Test
    void disabledDebugNeitherFormatsItsArgumentsNorWrites() {
        Object explosive = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("argument formatted although DEBUG is off");
            }
        };

        LOG.debug("state {}", explosive);
        LOG.atDebug().addKeyValue("state", explosive).log("state");

        assertThat(LOG.isDebugEnabled()).isFalse();
        assertThat(capture.raw()).isEmpty();
    }

    @Test
    void debugIsWrittenWhenTheThresholdAllowsIt() {
        capture.threshold(Level.DEBUG);

        LOG.debug("details {}", 1);
        LOG.trace("finer");

        assertThat(capture.entries()).extracting(e -> e.get("level").asText()).containsExactly("DEBUG");
    }

    @Test
    void quotesBackslashesAndNewlinesAreEscapedOnOneLine() {
        String tricky = "say \"hi\"\\ then\nnext line\r\ttab \u0001 end";

        LOG.info(tricky);

        List<String> lines = capture.lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("\\\"hi\\\"\\\\", "\\n", "\\r", "\\t", "\\u0001");
        assertThat(capture.single().get("message").asText()).isEqualTo(tricky);
    }

    @Test
    void nonAsciiTextIsKeptAsUtf8() {
        LOG.info("Café près de Zürich, 日本 ✓");

        assertThat(capture.raw()).contains("Café près de Zürich, 日本 ✓");
        assertThat(capture.single().get("message").asText()).isEqualTo("Café près de Zürich, 日本 ✓");
    }

    @Test
    void throwableGivesErrorAndStackFields() {
        IllegalStateException failure = new IllegalStateException("table unavailable",
                new java.io.IOException("connection reset"));

        LOG.error("could not save mission {}", "m-1", failure);

        JsonNode entry = capture.single();
        assertThat(entry.get("message").asText()).isEqualTo("could not save mission m-1");
        assertThat(entry.get("error").asText()).isEqualTo("java.lang.IllegalStateException: table unavailable");
        String stack = entry.get("stack").asText();
        assertThat(stack).startsWith("java.lang.IllegalStateException: table unavailable\n\tat ");
        assertThat(stack).contains("\tat " + JsonLoggerTest.class.getName() + ".throwableGivesErrorAndStackFields(");
        assertThat(stack).contains("Caused by: java.io.IOException: connection reset");
        assertThat(stack).doesNotEndWith("\n");
    }

    @Test
    void throwableWithoutMessageGivesItsClassNameAsError() {
        LOG.warn("retrying", new UnsupportedOperationException());

        assertThat(capture.single().get("error").asText()).isEqualTo("java.lang.UnsupportedOperationException");
    }

    @Test
    void lineWithoutThrowableHasNoErrorOrStackField() {
        LOG.error("plain error");

        JsonNode entry = capture.single();
        assertThat(entry.has("error")).isFalse();
        assertThat(entry.has("stack")).isFalse();
    }

    @Test
    void suppressedExceptionsAndCircularCausesAreRenderedWithoutLooping() {
        RuntimeException outer = new RuntimeException("outer");
        RuntimeException inner = new RuntimeException("inner", outer);
        outer.initCause(inner);
        outer.addSuppressed(new IllegalArgumentException("closing failed"));

        LOG.error("boom", outer);

        String stack = capture.single().get("stack").asText();
        assertThat(stack).contains("\tSuppressed: java.lang.IllegalArgumentException: closing failed");
        assertThat(stack).contains("Caused by: java.lang.RuntimeException: inner");
        assertThat(stack).contains("[CIRCULAR REFERENCE: java.lang.RuntimeException: outer]");
    }

    @Test
    void fluentKeyValuePairsBecomeTypedFields() {
        LOG.atInfo()
                .addKeyValue("missionId", "m-7")
                .addKeyValue("matches", 12)
                .addKeyValue("dryRun", false)
                .log("matching done");

        JsonNode entry = capture.single();
        assertThat(entry.get("message").asText()).isEqualTo("matching done");
        assertThat(entry.get("missionId").asText()).isEqualTo("m-7");
        assertThat(entry.get("matches").isInt()).isTrue();
        assertThat(entry.get("matches").asInt()).isEqualTo(12);
        assertThat(entry.get("dryRun").isBoolean()).isTrue();
    }

    @Test
    void fluentThrowableGivesErrorField() {
        LOG.atError().setCause(new IllegalArgumentException("bad")).log("rejected {}", "input");

        JsonNode entry = capture.single();
        assertThat(entry.get("message").asText()).isEqualTo("rejected input");
        assertThat(entry.get("error").asText()).isEqualTo("java.lang.IllegalArgumentException: bad");
    }

    @Test
    void concurrentLoggersNeverInterleaveLines() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    LOG.info("thread {} line {} {}", id, i, "x".repeat(300));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(capture.entries()).hasSize(8 * 200);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}

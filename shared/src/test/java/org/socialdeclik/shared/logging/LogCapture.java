package org.socialdeclik.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Captures what the JSON logging backend writes, for the duration of one test: swaps the shared
 * writer's stream and restores stream, threshold and MDC on {@link #close()}.
 */
final class LogCapture implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonLogWriter writer;
    private final int previousThreshold;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private LogCapture(JsonLogWriter writer) {
        this.writer = writer;
        this.previousThreshold = writer.threshold();
        writer.setOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    static LogCapture start() {
        assertThat(LoggerFactory.getILoggerFactory())
                .as("slf4j-api must have picked JsonLoggingServiceProvider")
                .isInstanceOf(JsonLoggerFactory.class);
        return new LogCapture(((JsonLoggerFactory) LoggerFactory.getILoggerFactory()).writer());
    }

    LogCapture threshold(org.slf4j.event.Level level) {
        writer.setThreshold(level.toInt());
        return this;
    }

    String raw() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
        String text = raw();
        if (text.isEmpty()) {
            return List.of();
        }
        assertThat(text).as("every line ends with a newline").endsWith("\n");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    List<JsonNode> entries() {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines()) {
            entries.add(parse(line));
        }
        return entries;
    }

    JsonNode single() {
        List<JsonNode> entries = entries();
        assertThat(entries).as("captured lines: %s", raw()).hasSize(1);
        return entries.getFirst();
    }

    static JsonNode parse(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("not valid JSON: " + line, e);
        }
    }

    @Override
    public void close() {
        writer.setOutput(null);
        writer.setThreshold(previousThreshold);
        MDC.clear();
    }
}

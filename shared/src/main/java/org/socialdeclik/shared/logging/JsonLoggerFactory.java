package org.socialdeclik.shared.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** Hands out one cached {@link JsonLogger} per name, all sharing one {@link JsonLogWriter}. */
final class JsonLoggerFactory implements ILoggerFactory {

    private final ConcurrentMap<String, JsonLogger> loggers = new ConcurrentHashMap<>();
    private final JsonLogWriter writer;

    JsonLoggerFactory(JsonLogWriter writer) {
        this.writer = writer;
    }

    @Override
    public Logger getLogger(String name) {
        JsonLogger logger = loggers.get(name);
        return logger != null ? logger : loggers.computeIfAbsent(name, n -> new JsonLogger(n, writer));
    }

    /** The shared writer: tests swap its output stream and threshold. */
    JsonLogWriter writer() {
        return writer;
    }
}

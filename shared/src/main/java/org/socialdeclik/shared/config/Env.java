package org.socialdeclik.shared.config;

import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration, read once at start from environment variables. A missing
 * required variable fails fast with its name, so a bad deployment is obvious in the first log line.
 */
public final class Env {
    private final Map<String, String> vars;

    private Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env of(Map<String, String> vars) {
        return new Env(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public String require(String name) {
        String value = vars.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing required environment variable " + name);
        }
        return value.trim();
    }

    public Optional<String> get(String name) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    public int getInt(String name, int fallback) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Environment variable " + name + " must be an integer", e);
        }
    }

    public Map<String, String> asMap() {
        return vars;
    }
}

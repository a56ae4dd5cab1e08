package org.socialdeclik.perf;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name value} pairs of a bench's command line, by name without the dashes. */
final class BenchOptions {
    private BenchOptions() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return given;
    }
}

package org.socialdeclik.perf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory (RSS) of one process, read from {@code /proc/<pid>/status} (Linux): now
 * ({@code VmRSS}) and the most it has held since it started ({@code VmHWM}, the kernel's high-water
 * mark, so no peak between two samples is missed).
 */
final class ProcessMemory {
    private final Path status;

    ProcessMemory(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    /** VmRSS in MB; -1 once the process has gone. */
    long residentMb() {
        return field("VmRSS:");
    }

    /** VmHWM in MB: the peak resident size; -1 once the process has gone. */
    long peakMb() {
        return field("VmHWM:");
    }

    private long field(String name) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024; // kB
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}

package org.socialdeclik.local;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The death of the emulator a local run started: the reason that {@code /_local/health} then
 * gives, and who is told (make run's console, which then stops the run). moto keeps everything in
 * memory, so its death takes the run's data with it; the run cannot carry on as if nothing happened.
 */
final class EmulatorDown {
    /** The exit status of {@code make run} when its emulator died. */
    static final int EXIT_STATUS = 3;

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile String reason;

    /** The emulator stopped on its own; {@code how} is {@link MotoServer#describeExit}'s account. */
    void died(long pid, String how) {
        String said = "the emulator (moto, pid " + pid + ") stopped: " + how
                + "; the local data it held (table items, streams, the signing key) is gone";
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = said;
        }
        listeners.forEach(listener -> listener.accept(said));
    }

    /** Null while the emulator runs. */
    String reason() {
        return reason;
    }

    /** Calls {@code listener} with the reason when the emulator dies (at once if it has). */
    void listen(Consumer<String> listener) {
        String known;
        synchronized (this) {
            known = reason;
            if (known == null) {
                listeners.add(listener);
                return;
            }
        }
        listener.accept(known);
    }

    /** What make run prints: what happened, what it means, what to do. */
    static String console(String reason, Path log) {
        return String.join(System.lineSeparator(),
                "",
                "!! The local run has lost its emulator: " + reason + ".",
                "!! Every profile, mission, match and outbox item of this run lived in it: the local data is gone,",
                "!! and the API cannot answer without it.",
                log != null ? "!! The emulator's last output is in " + log + "." : "!!",
                "!! Stopping (exit status " + EXIT_STATUS + "). Run make run again to start afresh, with empty tables.");
    }
}

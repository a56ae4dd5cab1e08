package org.socialdeclik.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * moto in server mode as a child process on 127.0.0.1: the emulator of DynamoDB (and its
 * streams), Secrets Manager and SES. Stopped on close and, whatever happens, when the JVM exits.
 * If it stops on its own (killed, out of memory, crashed), the {@code onDeath} callback given to
 * {@link #start} is told why, once.
 */
final class MotoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MotoServer.class);

    /**
     * Runs moto ($0 "$@") and: ignores SIGINT (the terminal's Ctrl-C reaches the whole process
     * group; the JVM's shutdown hook stops moto after the pollers); stops moto on TERM; stops it
     * when its stdin, a pipe from this JVM, closes (the JVM died without its hooks, kill -9);
     * exits with moto's status when moto exits.
     */
    private static final String WATCHDOG = String.join("\n",
            "trap '' INT",
            "exec 3<&0",
            "\"$0\" \"$@\" </dev/null &",
            "moto=$!",
            "(while read -r _; do :; done; kill $moto 2>/dev/null) <&3 &",
            "reader=$!",
            "exec 3<&-",
            "trap 'kill $moto $reader 2>/dev/null; wait; exit 0' TERM HUP",
            "wait $moto",
            "status=$?",
            "kill $reader 2>/dev/null",
            "wait",
            "exit $status");

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final Thread shutdownHook;
    private final CountDownLatch closed;
    private volatile boolean closing;
    private volatile long motoPid = -1;

    private MotoServer(Process process, URI endpoint, Path log, Thread shutdownHook, CountDownLatch closed) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.shutdownHook = shutdownHook;
        this.closed = closed;
    }

    /** The project's emulator launcher (local/emulator/moto_server.py run by the emulator venv's Python). */
    static final String LAUNCHER = "local/emulator/moto-server";

    /**
     * Where the emulator program is: the given path; else the project's launcher ({@link #LAUNCHER}),
     * found walking up from the working directory beside a made .venv/emulator; else a plain
     * moto_server on the PATH, which works but copies a whole table for every transaction.
     */
    static Path locate(Path configured, Path workingDir) {
        if (configured != null) {
            if (!Files.isExecutable(configured)) {
                throw new IllegalStateException("MOTO_SERVER is " + configured + ", which is not an executable: "
                        + "run `make emulator` to create .venv/emulator");
            }
            return configured;
        }
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path launcher = dir.resolve(LAUNCHER);
            if (Files.isExecutable(launcher) && Files.isExecutable(dir.resolve(".venv/emulator/bin/python"))) {
                return launcher;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "moto_server");
                if (Files.isExecutable(candidate)) {
                    LOG.warn("Using {} as it is: without the project's {}, every transaction copies the whole table "
                            + "(slow, and memory grows as the data does)", candidate, LAUNCHER);
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("The emulator was not found: run `make emulator` (creates .venv/emulator "
                + "for " + LAUNCHER + "), or set MOTO_SERVER, or set AWS_ENDPOINT_URL to a running emulator");
    }

    static MotoServer start(Path binary, Duration timeout) {
        return start(binary, timeout, (pid, how) -> { });
    }

    /** Told once, if moto stops without {@link #close()}: its pid and how it stopped. */
    interface DeathListener {
        void died(long pid, String how);
    }

    /** Starts moto; {@code onDeath} hears why if it later stops without {@link #close()}. */
    static MotoServer start(Path binary, Duration timeout, DeathListener onDeath) {
        int port = freePort();
        Path log;
        try {
            log = Files.createTempFile("socialdeclik-moto-" + port + "-", ".log");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the emulator's log file", e);
        }
        // moto runs under a small sh watchdog (see WATCHDOG).
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", WATCHDOG, binary.toString(),
                "-H", "127.0.0.1", "-p", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putIfAbsent("AWS_DEFAULT_REGION", "eu-west-3");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + binary + ": " + e.getMessage(), e);
        }
        // A safety net: when the JVM exits, the platform's own hook normally stops moto after the
        // pollers (hooks run concurrently); this one only acts if nothing closed it in time.
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                if (closed.await(5, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kill(process);
        }, "moto-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log, hook, closed);
        try {
            server.awaitUp(port, timeout);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.motoPid = server.pid();
        process.onExit().thenRun(() -> server.died(onDeath));
        LOG.info("Emulator (moto) is up at {} (pid {}, log {})", server.endpoint, server.motoPid, log);
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    Path log() {
        return log;
    }

    /** The pid of moto itself (the first child of its watchdog). */
    long pid() {
        return process.children()
                .filter(child -> child.info().command().map(command -> !command.endsWith("sh")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    boolean alive() {
        return process.isAlive();
    }

    private void died(DeathListener onDeath) {
        if (closing) {
            return;
        }
        // the watchdog exits with moto's status; should the watchdog itself have been killed, moto goes too
        ProcessHandle.of(motoPid).ifPresent(ProcessHandle::destroyForcibly);
        String reason = describeExit(process.exitValue());
        LOG.error("The emulator (moto, pid {}) stopped on its own: {}; its log: {}", motoPid, reason, log);
        onDeath.died(motoPid, reason);
    }

    /** What an exit status of moto (as its sh watchdog reports it: 128 + N for signal N) means. */
    static String describeExit(int status) {
        if (status <= 128) {
            return "it exited with status " + status;
        }
        int signal = status - 128;
        String name = switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> "signal " + signal;
        };
        return "it was killed by signal " + signal + " (" + name + ")" + (signal == 9
                ? ", which is also how the kernel's out-of-memory killer stops a process (dmesg tells)" : "");
    }

    private void awaitUp(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The emulator (moto_server) exited with code " + process.exitValue()
                        + " while starting; its output:\n" + tail());
            }
            if (answers(port)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the emulator", e);
            }
        }
        throw new IllegalStateException("The emulator (moto_server) did not answer on port " + port + " within "
                + timeout.toSeconds() + " s; its output: " + tail());
    }

    /** True once something speaks HTTP on the port. */
    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /moto-api/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(5);
            return new String(head, StandardCharsets.US_ASCII).equals("HTTP/");
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on 127.0.0.1", e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        boolean diedOnItsOwn = !process.isAlive();
        closing = true;
        kill(process);
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
        if (diedOnItsOwn) {
            LOG.warn("The emulator had stopped on its own; its log: {}", log);
        } else {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                LOG.debug("Cannot delete {}", log, e);
            }
            LOG.info("Emulator stopped");
        }
    }
}

package org.socialdeclik.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to run the platform locally.
 *
 * @param port               API port on 127.0.0.1 (0: any free port)
 * @param tableName          name of the table in the emulator (also the local stack name, so
 *                           several runs can share one emulator with different names)
 * @param endpoint           a running emulator to use; null to start moto
 * @param motoServer         the emulator program; null for the project's local/emulator/moto-server, then PATH
 * @param moderation         "on" or "off" for the functions' MODERATION; null for the template's
 * @param template           the SAM template; null for the nearest template.yaml up from here
 * @param webBaseUrl         where the web app is served (the functions' WEB_BASE_URL); null: the
 *                           address of the web server this run starts
 * @param region             region of the emulator and the functions
 * @param variableOverrides  function environment variables to set, by name
 * @param parameterOverrides template parameter values, by parameter name
 * @param pollInterval       how often stream pollers read an idle stream
 * @param webPort            port of the web app's static server on 127.0.0.1 (0: any free port;
 *                           {@link #NO_WEB}: this run serves no web app)
 * @param webRoot            the built web app (web/dist); null for web/dist beside the template
 * @param concurrency        the most containers each function runs at once (LOCAL_CONCURRENCY); a
 *                           stream poller still invokes one batch at a time per shard
 */
public record LocalConfig(int port, String tableName, URI endpoint, Path motoServer, String moderation,
        Path template, String webBaseUrl, String region, Map<String, String> variableOverrides,
        Map<String, String> parameterOverrides, Duration pollInterval, int webPort, Path webRoot,
        int concurrency) {

    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_TABLE = "socialdeclik-local";
    public static final String DEFAULT_WEB_BASE_URL = "http://127.0.0.1:8080";
    public static final String DEFAULT_REGION = "eu-west-3";
    /** The web app's port in {@code make run}. */
    public static final int DEFAULT_WEB_PORT = 8080;
    /** {@link #webPort()} when the run serves no web app (the default of {@link #defaults()}, for tests). */
    public static final int NO_WEB = -1;
    /**
     * Containers per function by default: enough for a handful of concurrent clients (the API's
     * calls wait on the emulator more than on the CPU), few enough to stay small on two cores.
     */
    public static final int DEFAULT_CONCURRENCY = 4;
    static final int MAX_CONCURRENCY = 64;

    /**
     * Values for the template parameters that have no Default (a deployment passes them with
     * {@code --parameter-overrides}). Example addresses only: the emulator sends nothing anywhere.
     */
    static final Map<String, String> LOCAL_PARAMETER_VALUES = Map.of(
            "SenderEmail", "no-reply@socialdeclik.example",
            "SenderIdentity", "no-reply@socialdeclik.example",
            "AdminEmails", "admin@socialdeclik.example");

    /** Function variables that the environment of {@code make run} may set (besides MODERATION, WEB_BASE_URL). */
    static final List<String> OVERRIDABLE_VARIABLES = List.of("SENDER_EMAIL", "ADMIN_EMAILS",
            "MAX_MATCHES_PER_MISSION", "MAX_PROPOSALS_PER_WEEK", "INTEREST_TARGET", "RECOVERY_PENDING_AFTER_SECONDS",
            "RECOVERY_STALE_CLAIM_SECONDS");

    public LocalConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (webPort != NO_WEB && (webPort < 0 || webPort > 65535)) {
            throw new IllegalArgumentException("web port must be 0..65535 (or off), got " + webPort);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("LOCAL_CONCURRENCY must be 1.." + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (tableName == null || !tableName.matches("[A-Za-z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException("table name must be 3-255 of A-Z a-z 0-9 _ . -, got " + tableName);
        }
        if (moderation != null) {
            moderation = moderation.trim().toLowerCase(Locale.ROOT);
            if (!moderation.equals("on") && !moderation.equals("off")) {
                throw new IllegalArgumentException("MODERATION must be on or off, got " + moderation);
            }
        }
        variableOverrides = Map.copyOf(variableOverrides);
        parameterOverrides = Map.copyOf(parameterOverrides);
    }

    /** Port 3000, moto started here, no web app served (WEB_BASE_URL still http://127.0.0.1:8080). */
    public static LocalConfig defaults() {
        return new LocalConfig(DEFAULT_PORT, DEFAULT_TABLE, null, null, null, null, DEFAULT_WEB_BASE_URL,
                DEFAULT_REGION, Map.of(), Map.of(), Duration.ofMillis(200), NO_WEB, null, DEFAULT_CONCURRENCY);
    }

    /**
     * The configuration of {@code make run}: PORT, WEB_PORT (8080, or {@code off}), WEB_ROOT,
     * AWS_ENDPOINT_URL, MOTO_SERVER (or -Dmoto.server), MODERATION, WEB_BASE_URL, LOCAL_CONCURRENCY
     * (containers per function, 4) and the overridable function variables from the environment;
     * {@code --port}, {@code --web-port}, {@code --web-root}, {@code --table}, {@code --template},
     * {@code --moderation}, {@code --parameter Name=Value} (repeatable) from the command line.
     * Unlike {@link #defaults()}, it serves the web app.
     */
    public static LocalConfig fromEnvironment(Map<String, String> env, String[] args) {
        LocalConfig config = defaults().withWebPort(DEFAULT_WEB_PORT);
        if (present(env.get("PORT"))) {
            config = config.withPort(parsePort(env.get("PORT")));
        }
        if (present(env.get("WEB_PORT"))) {
            config = config.withWebPort(parseWebPort(env.get("WEB_PORT")));
        }
        if (present(env.get("WEB_ROOT"))) {
            config = config.withWebRoot(Path.of(env.get("WEB_ROOT").trim()));
        }
        if (present(env.get("AWS_ENDPOINT_URL"))) {
            config = config.withEndpoint(URI.create(env.get("AWS_ENDPOINT_URL").trim()));
        }
        String moto = present(env.get("MOTO_SERVER")) ? env.get("MOTO_SERVER") : System.getProperty("moto.server");
        if (present(moto)) {
            config = config.withMotoServer(Path.of(moto.trim()));
        }
        if (present(env.get("MODERATION"))) {
            config = config.withModeration(env.get("MODERATION"));
        }
        if (present(env.get("WEB_BASE_URL"))) {
            config = config.withWebBaseUrl(env.get("WEB_BASE_URL").trim());
        }
        if (present(env.get("LOCAL_CONCURRENCY"))) {
            config = config.withConcurrency(parseConcurrency(env.get("LOCAL_CONCURRENCY")));
        }
        boolean webBaseUrlGiven = present(env.get("WEB_BASE_URL"));
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String name : OVERRIDABLE_VARIABLES) {
            if (present(env.get(name))) {
                overrides.put(name, env.get(name).trim());
            }
        }
        config = config.withVariableOverrides(overrides);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            config = switch (name) {
                case "--port" -> config.withPort(parsePort(value));
                case "--web-port" -> {
                    String webBaseUrl = config.webBaseUrl();
                    LocalConfig withPort = config.withWebPort(parseWebPort(value));
                    yield webBaseUrlGiven ? withPort.withWebBaseUrl(webBaseUrl) : withPort;
                }
                case "--web-root" -> config.withWebRoot(Path.of(value));
                case "--table" -> config.withTableName(value);
                case "--template" -> config.withTemplate(Path.of(value));
                case "--moderation" -> config.withModeration(value);
                case "--parameter" -> {
                    int eq = value.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--parameter needs Name=Value, got " + value);
                    }
                    parameters.put(value.substring(0, eq), value.substring(eq + 1));
                    yield config;
                }
                default -> throw new IllegalArgumentException("Unknown option " + name + " (known: --port N, "
                        + "--web-port N|off, --web-root PATH, --table NAME, --template PATH, --moderation on|off, "
                        + "--parameter Name=Value)");
            };
        }
        return parameters.isEmpty() ? config : config.withParameterOverrides(parameters);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static int parseWebPort(String value) {
        if (value.trim().equalsIgnoreCase("off")) {
            return NO_WEB;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("web port must be a number or off, got " + value);
        }
    }

    /** LOCAL_CONCURRENCY as a number of containers. */
    public static int parseConcurrency(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LOCAL_CONCURRENCY must be a number of containers, got " + value);
        }
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, got " + value);
        }
    }

    public LocalConfig withPort(int port) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withTableName(String tableName) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withEndpoint(URI endpoint) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withMotoServer(Path motoServer) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withModeration(String moderation) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withModeration(boolean on) {
        return withModeration(on ? "on" : "off");
    }

    public LocalConfig withTemplate(Path template) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withWebBaseUrl(String webBaseUrl) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withVariableOverrides(Map<String, String> variableOverrides) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withParameterOverrides(Map<String, String> parameterOverrides) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    /**
     * Serves the web app on this port ({@link #NO_WEB}: not at all) and makes it the WEB_BASE_URL:
     * {@code http://127.0.0.1:<port>}, or, for port 0, the address the server gets. Call
     * {@link #withWebBaseUrl} afterwards to point the emails' links elsewhere.
     */
    public LocalConfig withWebPort(int webPort) {
        String webBaseUrl = webPort == NO_WEB ? this.webBaseUrl : webPort == 0 ? null : "http://127.0.0.1:" + webPort;
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withWebRoot(Path webRoot) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    /** Whether this run serves the web app itself. */
    public boolean servesWeb() {
        return webPort != NO_WEB;
    }

    /** At most this many containers per function (1: one invocation at a time, as before). */
    public LocalConfig withConcurrency(int concurrency) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }

    public LocalConfig withPollInterval(Duration pollInterval) {
        return new LocalConfig(port, tableName, endpoint, motoServer, moderation, template, webBaseUrl, region,
                variableOverrides, parameterOverrides, pollInterval, webPort, webRoot, concurrency);
    }
}

package org.socialdeclik.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for the deployed site (S3 behind CloudFront): serves the built web app
 * ({@code web/dist}) on 127.0.0.1 as the CloudFront function does, {@code /verify} from
 * {@code verify.html} and {@code /} from {@code index.html}, with the security headers of the
 * distribution's response headers policy.
 *
 * <ul>
 *   <li>GET and HEAD only; files only: no directory listing, nothing outside the root (dot
 *       segments, encoded separators and symbolic links leading out are refused);
 *   <li>{@code /config.js} is the site's one setting, the API's address, written here from the
 *       address this run's API really has;
 *   <li>a Content-Security-Policy that lets pages call only themselves and that API.
 * </ul>
 */
final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final int THREADS = 4;
    static final String CONFIG_PATH = "/config.js";

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    private final Path root;
    private final Supplier<String> apiBaseUrl;
    private final LoopbackServer server;

    /**
     * @param port       port on 127.0.0.1 (0: any free one)
     * @param root       the built site
     * @param apiBaseUrl the API's base URL, asked at each request (the API may bind after this)
     */
    WebServer(int port, Path root, Supplier<String> apiBaseUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.apiBaseUrl = apiBaseUrl;
        this.server = new LoopbackServer(port, THREADS, "web", "another port for the web app with WEB_PORT=... or --web-port ...", this::handle);
    }

    int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    Path root() {
        return root;
    }

    /** Whether there is a built site to serve (its {@code index.html}). */
    boolean built() {
        return Files.isRegularFile(root.resolve("index.html"));
    }

    private void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        int status;
        try {
            status = respond(exchange, method, rawPath);
        } catch (IOException e) {
            LOG.debug("Client went away during {} {}: {}", method, rawPath, e.toString());
            status = -1;
        } catch (RuntimeException e) {
            LOG.error("Web server failed on {} {}", method, rawPath, e);
            status = -1;
            try {
                send(exchange, method, 500, "text/plain; charset=utf-8",
                        "Internal error".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException ignored) {
                // the answer could not be sent; the exchange is closed below
            }
        } finally {
            exchange.close();
        }
        LOG.debug("web {} {} -> {}", method, rawPath, status);
    }

    private int respond(HttpExchange exchange, String method, String rawPath) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            return send(exchange, method, 405, "text/plain; charset=utf-8",
                    "Method not allowed".getBytes(StandardCharsets.UTF_8));
        }
        if (rawPath.equals(CONFIG_PATH)) {
            return send(exchange, method, 200, CONTENT_TYPES.get("js"), config().getBytes(StandardCharsets.UTF_8));
        }
        Path file = resolve(rawPath);
        if (file == null) {
            return notFound(exchange, method);
        }
        return send(exchange, method, 200, contentType(file), Files.readAllBytes(file));
    }

    /** The file a request path names, or null: {@code /} is index.html, {@code /x} is x.html when x has no extension. */
    Path resolve(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() > 1024) {
            return null;
        }
        String path = decode(rawPath);
        if (path == null || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return null;
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/")) {
            path = "/index.html";
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            // no empty, "." or ".." segments, and no hidden files
            if (segment.isEmpty() || segment.startsWith(".")) {
                return null;
            }
        }
        String last = segments[segments.length - 1];
        if (last.indexOf('.') < 0) {
            path = path + ".html";
        }
        Path candidate = root.resolve(path.substring(1)).normalize();
        if (!candidate.startsWith(root)) {
            return null;
        }
        try {
            // symbolic links are followed only while they stay inside the root
            Path real = candidate.toRealPath();
            return real.startsWith(root.toRealPath()) && Files.isRegularFile(real) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Percent-decoding of a path as a server sees it; null when malformed or when it hides a separator. */
    private static String decode(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private int notFound(HttpExchange exchange, String method) throws IOException {
        Path page = root.resolve("404.html");
        byte[] body = Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(page)
                : "Not found".getBytes(StandardCharsets.UTF_8);
        String type = Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS) ? CONTENT_TYPES.get("html")
                : "text/plain; charset=utf-8";
        return send(exchange, method, 404, type, body);
    }

    /** The site's setting, as {@code web/build.py} writes it, with this run's API address. */
    String config() {
        return "// Written by the local run: the address of its API.\n"
                + "export const apiBaseUrl = " + LocalMapper.MAPPER.valueToTree(apiBaseUrl.get()) + ";\n";
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** The headers every answer carries (the deployed site's response headers policy says the same). */
    Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy(Cors.origin(apiBaseUrl.get())));
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        // Links in emails carry tokens: no page ever tells another site where it was.
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Cache-Control", "no-cache");
        return headers;
    }

    /** Only this site's own files, and calls to the API. */
    static String contentSecurityPolicy(String apiOrigin) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + apiOrigin + "; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    private int send(HttpExchange exchange, String method, int status, String contentType, byte[] body)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        securityHeaders().forEach(headers::set);
        headers.set("Content-Type", contentType);
        boolean head = method.equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    @Override
    public void close() {
        server.close();
    }
}

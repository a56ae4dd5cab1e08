package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local web server: the site's files, the way CloudFront serves them, and nothing else. */
class WebServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    Path site;
    WebServer server;

    @BeforeEach
    void start() throws IOException {
        site = Files.createDirectories(dir.resolve("dist"));
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(site.resolve("verify.html"), "<h1>verify</h1>");
        Files.writeString(site.resolve("404.html"), "<h1>missing</h1>");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/site.css"), "body{}");
        Files.writeString(site.resolve("assets/app.js"), "export {};");
        Files.writeString(site.resolve("vocab.json"), "{}");
        Files.writeString(site.resolve(".hidden"), "secret");
        Files.writeString(dir.resolve("outside.txt"), "outside");
        server = new WebServer(0, site, () -> "http://127.0.0.1:3999");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What the server answers to a request line sent as is (HttpClient would normalise the path). */
    private String raw(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pages_are_served_without_their_html_extension_and_the_root_is_the_home_page() throws Exception {
        assertThat(get("/").body()).isEqualTo("<h1>home</h1>");
        assertThat(get("/verify").body()).isEqualTo("<h1>verify</h1>");
        assertThat(get("/verify?token=abc").body()).isEqualTo("<h1>verify</h1>");
        assertThat(get("/verify/").body()).isEqualTo("<h1>verify</h1>");
        assertThat(get("/verify.html").body()).isEqualTo("<h1>verify</h1>");
        assertThat(get("/verify").headers().firstValue("content-type")).contains("text/html; charset=utf-8");
    }

    @Test
    void each_kind_of_file_has_its_content_type() throws Exception {
        assertThat(get("/assets/site.css").headers().firstValue("content-type")).contains("text/css; charset=utf-8");
        assertThat(get("/assets/app.js").headers().firstValue("content-type"))
                .contains("text/javascript; charset=utf-8");
        assertThat(get("/vocab.json").headers().firstValue("content-type"))
                .contains("application/json; charset=utf-8");
    }

    @Test
    void config_js_gives_the_address_of_this_runs_api() throws Exception {
        HttpResponse<String> config = get("/config.js");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("export const apiBaseUrl = \"http://127.0.0.1:3999\";");
    }

    @Test
    void every_answer_carries_a_strict_content_security_policy_and_the_security_headers() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.headers().firstValue("content-security-policy")).get().asString()
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self' http://127.0.0.1:3999",
                        "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(page.headers().firstValue("referrer-policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("x-frame-options")).contains("DENY");
        assertThat(get("/nope").headers().firstValue("content-security-policy")).isPresent();
    }

    @Test
    void unknown_paths_directories_and_hidden_files_are_404_with_the_sites_page() throws Exception {
        HttpResponse<String> missing = get("/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("<h1>missing</h1>");
        assertThat(get("/assets").statusCode()).isEqualTo(404);
        assertThat(get("/assets/").statusCode()).isEqualTo(404);
        assertThat(get("/.hidden").statusCode()).isEqualTo(404);
    }

    @Test
    void nothing_outside_the_root_is_reachable() throws Exception {
        for (String path : new String[] {"/../outside.txt", "/assets/../../outside.txt", "/%2e%2e/outside.txt",
                "/assets/%2e%2e/%2e%2e/outside.txt", "/..%2foutside.txt", "/..%5coutside.txt", "/..\\outside.txt",
                "//etc/passwd", "/index.html%00.css"}) {
            String answer = raw(path);
            assertThat(answer).as(path).doesNotContain("outside").doesNotContain("root:");
            assertThat(answer.lines().findFirst().orElse("")).as(path).doesNotContain(" 200 ");
        }
        assertThat(server.resolve("/../outside.txt")).isNull();
        assertThat(server.resolve("/assets/%2e%2e/%2e%2e/outside.txt")).isNull();
    }

    @Test
    void a_symbolic_link_leading_out_of_the_root_is_not_followed() throws Exception {
        Files.createSymbolicLink(site.resolve("leak.txt"), dir.resolve("outside.txt"));

        assertThat(get("/leak.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void only_get_and_head_are_answered() throws Exception {
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/verify"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).contains("GET, HEAD");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void it_says_whether_a_site_is_built() throws IOException {
        assertThat(server.built()).isTrue();
        try (WebServer empty = new WebServer(0, dir.resolve("none"), () -> "http://127.0.0.1:3000")) {
            assertThat(empty.built()).isFalse();
        }
    }
}

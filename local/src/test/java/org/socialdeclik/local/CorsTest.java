package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsTest {
    private static final List<String> LOCAL = List.of("http://127.0.0.1:8080", "http://localhost:8080");

    private static Cors cors() {
        return Cors.from(Map.of("AllowOrigins", List.of("https://www.example.org/"),
                "AllowMethods", List.of("GET", "POST"), "AllowHeaders", List.of("content-type"), "MaxAge", "600"), LOCAL);
    }

    @Test
    void theLocalWebAppIsAllowedBesideTheTemplatesOrigins() {
        assertThat(cors().allows("http://127.0.0.1:8080")).isTrue();
        assertThat(cors().allows("https://www.example.org")).isTrue();
        assertThat(cors().allows("https://evil.example")).isFalse();
    }

    @Test
    void aPreflightGetsTheConfiguredMethodsHeadersAndMaxAge() {
        Map<String, String> headers = cors().preflight("http://127.0.0.1:8080", "POST", "content-type");

        assertThat(headers).containsEntry("access-control-allow-origin", "http://127.0.0.1:8080")
                .containsEntry("access-control-allow-methods", "GET,POST")
                .containsEntry("access-control-allow-headers", "content-type")
                .containsEntry("access-control-max-age", "600");
    }

    @Test
    void noConfigurationMeansNoCors() {
        assertThat(Cors.from(null, LOCAL)).isNull();
    }
}

package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpEventsTest {
    private static final Instant NOW = Instant.parse("2027-01-20T10:11:12.345Z");

    private static APIGatewayV2HTTPEvent event(String contentType, byte[] body, String rawQuery) {
        HttpEvents.Request request = new HttpEvents.Request("POST", "/missions/m%2042/review", rawQuery,
                List.of(Map.entry("Content-Type", contentType), Map.entry("User-Agent", "curl/8"),
                        Map.entry("X-Multi", "a"), Map.entry("X-Multi", "b"), Map.entry("Host", "127.0.0.1:3000"),
                        Map.entry("Cookie", "a=1; b=2")),
                body, "127.0.0.1", 3000);
        return HttpEvents.toEvent(request, "POST /missions/{id}/review", Map.of("id", "m 42"), "req-1", NOW);
    }

    @Test
    void aJsonRequestBecomesAPayloadFormat2Event() {
        APIGatewayV2HTTPEvent event = event("application/json; charset=utf-8",
                "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8), "a=1&b=x%20y&a=2");

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /missions/{id}/review");
        assertThat(event.getRawPath()).isEqualTo("/missions/m%2042/review");
        assertThat(event.getRawQueryString()).isEqualTo("a=1&b=x%20y&a=2");
        assertThat(event.getQueryStringParameters()).containsEntry("a", "1,2").containsEntry("b", "x y");
        assertThat(event.getPathParameters()).containsEntry("id", "m 42");
        assertThat(event.getBody()).isEqualTo("{\"decision\":\"APPROVE\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void headersAreLowerCasedRepeatedOnesJoinedAndCookiesSeparated() {
        APIGatewayV2HTTPEvent event = event("application/json", new byte[0], null);

        assertThat(event.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("user-agent", "curl/8").containsEntry("x-multi", "a,b")
                .containsEntry("x-forwarded-for", "127.0.0.1").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getBody()).isNull();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getRawQueryString()).isEmpty();
    }

    @Test
    void theRequestContextSaysWhoAskedWhatAndWhen() {
        APIGatewayV2HTTPEvent.RequestContext context = event("application/json", new byte[0], null).getRequestContext();

        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/missions/m%2042/review");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8");
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getRouteKey()).isEqualTo("POST /missions/{id}/review");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.getTime()).isEqualTo("20/Jan/2027:10:11:12 +0000");
    }

    @Test
    void aBinaryBodyArrivesBase64Encoded() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        APIGatewayV2HTTPEvent event = event("image/png", png, null);

        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(png);
    }

    @Test
    void theFunctionsResponseIsWrittenAsIs() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(409)
                .withHeaders(Map.of("Content-Type", "application/problem+json")).withBody("{\"status\":409}")
                .withCookies(List.of("s=1")).build();

        HttpEvents.Response http = HttpEvents.toResponse(response);

        assertThat(http.status()).isEqualTo(409);
        assertThat(http.headers()).containsEntry("content-type", List.of("application/problem+json"))
                .containsEntry("set-cookie", List.of("s=1"));
        assertThat(new String(http.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":409}");
    }

    @Test
    void aBase64ResponseBodyIsDecoded() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2})).withIsBase64Encoded(true).build();

        assertThat(HttpEvents.toResponse(response).body()).containsExactly(1, 2);
    }

    @Test
    void aProblemHasTypeTitleAndStatusOnly() {
        HttpEvents.Response problem = HttpEvents.problem(404, "Not Found", null);

        assertThat(problem.headers()).containsEntry("content-type", List.of("application/problem+json"));
        assertThat(new String(problem.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}");
    }
}

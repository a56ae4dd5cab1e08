package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {
    private static Routes<String> routes() {
        Routes<String> routes = new Routes<>();
        routes.add("POST", "/missions", "submit");
        routes.add("GET", "/missions/{id}", "get");
        routes.add("POST", "/missions/{id}/review", "review");
        routes.add("POST", "/missions/{id}/close", "close");
        routes.add("POST", "/profiles/verify", "verify");
        routes.add("ANY", "/profiles/{id}", "profile");
        return routes;
    }

    @Test
    void aPathParameterTakesOneSegment() {
        var match = routes().match("POST", "/missions/m-42/review").orElseThrow();

        assertThat(match.target()).isEqualTo("review");
        assertThat(match.route().routeKey()).isEqualTo("POST /missions/{id}/review");
        assertThat(match.pathParameters()).isEqualTo(Map.of("id", "m-42"));
    }

    @Test
    void theMethodMustMatch() {
        assertThat(routes().match("DELETE", "/missions/m-42/review")).isEmpty();
        assertThat(routes().match("get", "/missions/m-42").orElseThrow().target()).isEqualTo("get");
    }

    @Test
    void anUnknownPathMatchesNothing() {
        assertThat(routes().match("GET", "/nope")).isEmpty();
        assertThat(routes().match("GET", "/missions/a/b/c")).isEmpty();
        assertThat(routes().match("GET", "/missions/")).isEmpty();
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertThat(routes().match("POST", "/profiles/verify").orElseThrow().target()).isEqualTo("verify");
        assertThat(routes().match("POST", "/profiles/p-1").orElseThrow().target()).isEqualTo("profile");
    }

    @Test
    void parameterValuesArePercentDecoded() {
        assertThat(routes().match("GET", "/missions/a%20b%2Bc").orElseThrow().pathParameters())
                .containsEntry("id", "a b+c");
    }

    @Test
    void aGreedyParameterTakesTheRestAndTheDefaultRouteWhatIsLeft() {
        Routes<String> routes = new Routes<>();
        routes.add("GET", "/files/{proxy+}", "files");
        routes.add("ANY", "$default", "default");

        assertThat(routes.match("GET", "/files/a/b.txt").orElseThrow().pathParameters())
                .containsEntry("proxy", "a/b.txt");
        assertThat(routes.match("PUT", "/anything").orElseThrow().target()).isEqualTo("default");
    }

    @Test
    void theSameRouteTwiceIsRefused() {
        Routes<String> routes = routes();

        assertThatThrownBy(() -> routes.add("POST", "/missions", "again")).isInstanceOf(TemplateException.class);
    }
}

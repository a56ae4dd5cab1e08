package org.socialdeclik.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.testing.FormerMapper;

/** The streaming reader and writer against what Jackson's object mapper reads and writes. */
class JsonTest {
    static final List<String> SAMPLES = List.of(
            "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"é\\u2028\\\"\"}}",
            "[1, 2147483648, 92233720368547758070, -0.5, 1e3, 1.5E-7, 0]",
            "\"just text\"", "42", "null", "true",
            "{\"twice\":1,\"twice\":2}",
            "{\"deep\":[[[{\"x\":[]}]],{}],\"emoji\":\"\uD83D\uDE00\"}");

    @Test
    void reads_the_same_trees_as_the_mapper() throws Exception {
        for (String sample : SAMPLES) {
            JsonNode expected = FormerMapper.MAPPER.readTree(sample);
            assertThat(Json.parse(sample)).as(sample).isEqualTo(expected);
            assertThat(Json.parse(sample.getBytes(StandardCharsets.UTF_8))).as(sample).isEqualTo(expected);
            assertThat(Json.parse(new ByteArrayInputStream(sample.getBytes(StandardCharsets.UTF_8)))).as(sample).isEqualTo(expected);
        }
    }

    @Test
    void reads_every_sample_event_as_the_mapper_does_and_writes_it_back_the_same() throws Exception {
        List<Path> events;
        try (Stream<Path> files = Files.walk(Path.of("../events"))) {
            events = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(events).isNotEmpty();
        for (Path event : events) {
            byte[] bytes = Files.readAllBytes(event);
            JsonNode tree = Json.parse(bytes);
            assertThat(tree).as(event.toString()).isEqualTo(FormerMapper.MAPPER.readTree(bytes));
            assertThat(Json.write(tree)).as(event.toString()).isEqualTo(FormerMapper.MAPPER.writeValueAsString(tree));
        }
    }

    @Test
    void an_empty_input_is_a_missing_node_and_broken_json_is_refused() {
        assertThat(catching(() -> Json.parse("")).isMissingNode()).isTrue();
        assertThat(catching(() -> Json.parse("   ")).isMissingNode()).isTrue();
        for (String broken : List.of("{", "{\"a\":}", "[1,,2]", "{'a':1}", "nul", "{\"a\":1} junk", "{} {}", "[1]]")) {
            assertThatThrownBy(() -> Json.parse(broken)).as(broken).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void writes_views_as_the_mapper_wrote_them() throws Exception {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", "m-1");
        view.put("missing", null);
        view.put("count", 3);
        view.put("big", 1L << 40);
        view.put("ratio", 0.25);
        view.put("exact", new BigDecimal("12.50"));
        view.put("huge", new BigInteger("123456789012345678901234567890"));
        view.put("flag", true);
        view.put("mode", WorkMode.HYBRID);
        view.put("day", LocalDate.of(2027, 1, 15));
        view.put("at", Instant.parse("2026-11-28T01:02:03.456Z"));
        view.put("text", "« guillemets » \"quotes\" </script> \u2028");
        List<Object> items = new ArrayList<>();
        items.add(Map.of("a", 1));
        items.add(null);
        items.add(List.of("x", "y"));
        view.put("items", items);
        view.put("tree", FormerMapper.MAPPER.readTree(SAMPLES.get(0)));
        assertThat(Json.write(view)).isEqualTo(FormerMapper.MAPPER.writeValueAsString(view));
        assertThat(Json.bytes(view)).isEqualTo(FormerMapper.MAPPER.writeValueAsBytes(view));
    }

    @Test
    void refuses_to_write_what_it_has_no_form_for() {
        record Secret(String value) {}
        assertThatThrownBy(() -> Json.write(Map.of("secret", new Secret("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Secret");
    }

    private interface Parse {
        JsonNode run() throws Exception;
    }

    private static JsonNode catching(Parse parse) {
        try {
            return parse.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

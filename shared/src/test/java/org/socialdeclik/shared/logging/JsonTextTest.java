package org.socialdeclik.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void timestampHasMillisecondsAndZ() {
        StringBuilder out = new StringBuilder();
        JsonText.appendTimestamp(out, Instant.parse("2026-11-27T20:00:00.123Z").toEpochMilli());

        assertThat(out).hasToString("2026-11-27T20:00:00.123Z");
    }

    @Test
    void timestampKeepsZeroMillisecondsAndLeapDays() {
        assertThat(timestamp(Instant.parse("2028-02-29T00:00:00Z"))).isEqualTo("2028-02-29T00:00:00.000Z");
        assertThat(timestamp(Instant.parse("2026-12-31T23:59:59.999Z"))).isEqualTo("2026-12-31T23:59:59.999Z");
        assertThat(timestamp(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void timestampAgreesWithJavaTimeOverManyInstants() {
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("1990-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(from, to);
            assertThat(timestamp(Instant.ofEpochMilli(millis)))
                    .isEqualTo(REFERENCE.format(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void stringEscapingCoversQuotesBackslashesAndControlCharacters() {
        StringBuilder out = new StringBuilder();
        JsonText.appendString(out, "a\"b\\c\nd\re\tf\bg\fh\u0000i\u001fj\u2028k é");

        assertThat(out).hasToString("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0000i\\u001fj\\u2028k é\"");
    }

    @Test
    void nullBecomesJsonNull() {
        StringBuilder out = new StringBuilder();
        JsonText.appendString(out, null);

        assertThat(out).hasToString("null");
    }

    private static String timestamp(Instant instant) {
        StringBuilder out = new StringBuilder();
        JsonText.appendTimestamp(out, instant.toEpochMilli());
        return out.toString();
    }
}

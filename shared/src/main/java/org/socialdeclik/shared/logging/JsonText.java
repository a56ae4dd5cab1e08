package org.socialdeclik.shared.logging;

import java.time.LocalDate;

/** Allocation-light JSON string escaping and UTC timestamps with milliseconds. */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** "yyyy-MM-dd" of the last day seen: computed once per day, not once per line. */
    private static volatile DayText lastDay = new DayText(Long.MIN_VALUE, "");

    private record DayText(long epochDay, String text) {
    }

    private JsonText() {
    }

    /**
     * Appends {@code value} as a JSON string literal (or {@code null}). Quotes, backslashes and
     * control characters are escaped; other characters, non-ASCII included, are kept as they are
     * (the line is written as UTF-8). U+2028 and U+2029 are escaped too, for JavaScript readers.
     */
    static void appendString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int runStart = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            out.append(value, runStart, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u")
                        .append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
            runStart = i + 1;
        }
        out.append(value, runStart, length);
        out.append('"');
    }

    /** Appends {@code epochMillis} as {@code 2026-11-27T20:00:00.123Z}: UTC, always three fraction digits. */
    static void appendTimestamp(StringBuilder out, long epochMillis) {
        long epochDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        DayText day = lastDay;
        if (day.epochDay() != epochDay) {
            day = new DayText(epochDay, LocalDate.ofEpochDay(epochDay).toString());
            lastDay = day;
        }
        int seconds = millisOfDay / 1000;
        out.append(day.text()).append('T');
        appendTwoDigits(out, seconds / 3600);
        out.append(':');
        appendTwoDigits(out, (seconds / 60) % 60);
        out.append(':');
        appendTwoDigits(out, seconds % 60);
        out.append('.');
        int millis = millisOfDay % 1000;
        out.append((char) ('0' + millis / 100)).append((char) ('0' + (millis / 10) % 10)).append((char) ('0' + millis % 10));
        out.append('Z');
    }

    private static void appendTwoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}

package org.socialdeclik.local;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge {@code cron(minutes hours day-of-month month day-of-week year)} expression read
 * in a time zone (ScheduleV2's {@code ScheduleExpressionTimezone}, UTC without one), as EventBridge
 * Scheduler reads it: fields of numbers, names (JAN-DEC, SUN-SAT with 1 = SUN), {@code *}, {@code ?},
 * lists, ranges and {@code /} steps; one of the two day fields is {@code ?}. A local time that
 * summer time skips is skipped, one it repeats runs once. {@code L}, {@code W} and {@code #} are
 * not understood locally: the template is refused with that said.
 */
final class LocalCron {
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** How far ahead a next run is looked for (a year field may exclude every year before). */
    private static final int HORIZON_DAYS = 366 * 5;

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth; // null: '?'
    private final BitSet months;
    private final BitSet daysOfWeek; // 1 = Sunday ... 7 = Saturday; null: '?'
    private final BitSet years; // offset from 1970
    private final ZoneId zone;

    private LocalCron(String[] fields, ZoneId zone) {
        this.minutes = field(fields[0], 0, 59, List.of(), false, "minutes");
        this.hours = field(fields[1], 0, 23, List.of(), false, "hours");
        this.daysOfMonth = field(fields[2], 1, 31, List.of(), true, "day-of-month");
        this.months = field(fields[3], 1, 12, MONTHS, false, "month");
        this.daysOfWeek = field(fields[4], 1, 7, DAYS, true, "day-of-week");
        this.years = field(fields[5], 1970, 2199, List.of(), false, "year");
        this.zone = zone;
        if ((daysOfMonth == null) == (daysOfWeek == null)) {
            throw new TemplateException("cron: exactly one of day-of-month and day-of-week must be '?'");
        }
    }

    /** The expression read in {@code timeZone} (null: UTC); empty when it is not a cron expression. */
    static Optional<LocalCron> parse(String expression, String timeZone) {
        Matcher cron = CRON.matcher(expression.trim());
        if (!cron.matches()) {
            return Optional.empty();
        }
        String[] fields = cron.group(1).trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (fields.length != 6) {
            throw new TemplateException("cron: six fields expected (minutes hours day-of-month month day-of-week year): "
                    + expression);
        }
        ZoneId zone;
        try {
            zone = timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new TemplateException("ScheduleExpressionTimezone: not a time zone: " + timeZone);
        }
        return Optional.of(new LocalCron(fields, zone));
    }

    ZoneId zone() {
        return zone;
    }

    /** The first run strictly after {@code after}, or null when there is none within five years. */
    Instant next(Instant after) {
        ZonedDateTime from = after.atZone(zone);
        LocalDate day = from.toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                    LocalDateTime local = LocalDateTime.of(day, LocalTime.of(hour, minute));
                    ZonedDateTime at = local.atZone(zone); // in a repeated hour: the earlier offset, once
                    if (at.toLocalDateTime().equals(local) && at.toInstant().isAfter(after)) {
                        return at.toInstant();
                    }
                }
            }
        }
        return null;
    }

    private boolean dayMatches(LocalDate day) {
        int year = day.getYear() - 1970;
        if (year < 0 || !years.get(year) || !months.get(day.getMonthValue())) {
            return false;
        }
        if (daysOfMonth != null) {
            return daysOfMonth.get(day.getDayOfMonth());
        }
        return daysOfWeek.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : day.getDayOfWeek().getValue() + 1);
    }

    /** The values a field allows; null for '?' where it may stand. */
    private static BitSet field(String text, int min, int max, List<String> names, boolean mayBeAny, String name) {
        if (text.equals("?")) {
            if (!mayBeAny) {
                throw new TemplateException("cron: '?' only in day-of-month or day-of-week, not " + name);
            }
            return null;
        }
        int offset = name.equals("year") ? 1970 : 0;
        BitSet values = new BitSet();
        for (String part : text.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max, List.of(), name);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(ends[0], min, max, names, name);
                to = number(ends[1], min, max, names, name);
            } else {
                from = number(range, min, max, names, name);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw new TemplateException("cron: " + name + " range " + range + " runs backwards");
            }
            for (int v = from; v <= to; v += step) {
                values.set(v - offset);
            }
        }
        return values;
    }

    private static int number(String text, int min, int max, List<String> names, String name) {
        int index = names.indexOf(text);
        if (index >= 0) {
            return index + 1;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new TemplateException("cron: " + name + " value '" + text + "' is not understood here (from " + min
                + " to " + max + (names.isEmpty() ? "" : " or " + names.get(0) + "-" + names.get(names.size() - 1))
                + "; L, W and # are not run locally)");
    }
}

package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The local run reads EventBridge Scheduler's cron expressions in their time zone, as AWS does. */
class LocalCronTest {
    private static LocalCron cron(String expression, String zone) {
        return LocalCron.parse(expression, zone).orElseThrow();
    }

    @ParameterizedTest(name = "after {0}: {1}")
    @CsvSource({
        "2026-12-09T10:00:00Z, 2026-12-14T07:00:00Z",  // winter: 08:00 in Paris is 07:00 UTC
        "2026-12-14T06:59:00Z, 2026-12-14T07:00:00Z",
        "2026-12-14T07:00:00Z, 2026-12-21T07:00:00Z",  // strictly after
        "2027-03-24T10:00:00Z, 2027-03-29T06:00:00Z",  // summer time from Sunday 28 March 2027
        "2027-10-27T10:00:00Z, 2027-11-01T07:00:00Z",  // winter time again from Sunday 31 October 2027
    })
    void monday_8_in_paris_follows_summer_time(String after, String expected) {
        assertThat(cron("cron(0 8 ? * MON *)", "Europe/Paris").next(Instant.parse(after))).isEqualTo(Instant.parse(expected));
    }

    @Test
    void without_a_time_zone_it_is_read_in_utc() {
        assertThat(cron("cron(0 8 ? * MON *)", null).next(Instant.parse("2026-12-09T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-14T08:00:00Z"));
    }

    @Test
    void numbers_names_lists_ranges_and_steps_are_understood() {
        // 1 = Sunday in EventBridge's day-of-week
        assertThat(cron("cron(30 9 ? * 1 *)", "UTC").next(Instant.parse("2026-12-09T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-13T09:30:00Z"));
        assertThat(cron("cron(0/15 * * * ? *)", "UTC").next(Instant.parse("2026-12-09T10:16:00Z")))
                .isEqualTo(Instant.parse("2026-12-09T10:30:00Z"));
        assertThat(cron("cron(0 18 ? * MON-FRI *)", "UTC").next(Instant.parse("2026-12-11T19:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-14T18:00:00Z"));
        assertThat(cron("cron(0 12 1,15 JAN,JUL ? 2027)", "UTC").next(Instant.parse("2026-12-09T00:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-01T12:00:00Z"));
    }

    @Test
    void a_local_time_summer_time_skips_is_skipped_and_one_it_repeats_runs_once() {
        LocalCron halfPastTwo = cron("cron(30 2 * * ? *)", "Europe/Paris");
        // 02:30 does not exist in Paris on 28 March 2027: the next run is the 29th's
        assertThat(halfPastTwo.next(Instant.parse("2027-03-27T12:00:00Z"))).isEqualTo(Instant.parse("2027-03-29T00:30:00Z"));
        // 02:30 comes twice on 31 October 2027: once, the first time
        Instant first = halfPastTwo.next(Instant.parse("2027-10-30T12:00:00Z"));
        assertThat(first).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(halfPastTwo.next(first)).isEqualTo(Instant.parse("2027-11-01T01:30:00Z"));
    }

    @Test
    void a_rate_is_no_cron_and_what_cannot_run_locally_is_refused_by_name() {
        assertThat(LocalCron.parse("rate(1 hour)", null)).isEmpty();
        assertThatThrownBy(() -> LocalCron.parse("cron(0 8 ? * MON)", null)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("six fields");
        assertThatThrownBy(() -> LocalCron.parse("cron(0 8 * * MON *)", null)).hasMessageContaining("'?'");
        assertThatThrownBy(() -> LocalCron.parse("cron(0 8 L * ? *)", null)).hasMessageContaining("L, W and #");
        assertThatThrownBy(() -> LocalCron.parse("cron(0 8 ? * MON *)", "Europe/Nowhere")).hasMessageContaining("Europe/Nowhere");
    }

    @Test
    void the_project_template_sends_the_weekly_digests_on_monday_at_8_in_paris() {
        Path template = SamTemplate.find(Path.of("")).orElseThrow();
        SamTemplate sam = SamTemplate.load(template);
        SamTemplate.ScheduleSource monday = sam.functions(new Intrinsics(sam, Map.of(), LocalConfig.LOCAL_PARAMETER_VALUES,
                        TestTemplates.pseudo("socialdeclik"))).stream()
                .filter(f -> f.logicalId().equals("DeferredProposalsFunction")).findFirst().orElseThrow()
                .schedules().stream().filter(s -> s.eventName().equals("MondayDigest")).findFirst().orElseThrow();

        assertThat(monday.timeZone()).isEqualTo("Europe/Paris");
        LocalCron cron = LocalCron.parse(monday.expression(), monday.timeZone()).orElseThrow();
        assertThat(cron.next(Instant.parse("2027-03-24T10:00:00Z"))).isEqualTo(Instant.parse("2027-03-29T06:00:00Z"));
    }
}

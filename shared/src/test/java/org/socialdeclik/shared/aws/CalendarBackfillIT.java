package org.socialdeclik.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Mobility;
import org.socialdeclik.shared.domain.Organization;
import org.socialdeclik.shared.domain.OrganizationType;
import org.socialdeclik.shared.domain.Place;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.ports.MissionCalendar;
import org.socialdeclik.shared.ports.ProfileAvailability;
import org.socialdeclik.shared.testing.Emulator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The backfill on a table written as the versions before the two calendars wrote it: active
 * profiles with no availability step, published missions with no last notice; run twice.
 */
class CalendarBackfillIT {
    static final Instant NOW = Instant.parse("2027-01-10T10:00:00Z");
    static final Duration CHECK_AFTER = Duration.ofDays(60);
    static Emulator stack;

    @BeforeAll
    static void start() {
        stack = Emulator.start();
    }

    static Profile profile(String id) {
        return new Profile(id, id + "@example.org", "Ana", "Le Gall", "Dev", "Bio", null, List.of("WordPress"),
                List.of(), new Place("35", "35000"), Mobility.REGION, true, 450, 300, false, null, List.of("fr"), "fr", true);
    }

    /** A profile item as the versions before the availability calendar left it. */
    static void oldProfile(String id, ProfileStatus status, Instant at) {
        Map<String, AttributeValue> item = TableLayout.profileItem(profile(id), "nonce", at);
        if (status == ProfileStatus.ACTIVE) {
            item.put(TableLayout.STATUS, TableLayout.s(status.name()));
            item.remove(TableLayout.TTL);
            item.remove(TableLayout.VERIFY_NONCE);
        }
        stack.dynamo().putItem(b -> b.tableName(stack.table()).item(item));
    }

    static Mission mission(String id, LocalDate deadline) {
        return new Mission(id, "Site", "Refaire le site", new Organization("Asso", OrganizationType.SCIC, "org@example.org", null),
                List.of("WordPress"), List.of(), null, WorkMode.REMOTE, 1000, 5, false, deadline.plusDays(10), deadline, "fr");
    }

    /** A mission item as the versions before the mission calendar left it (no WHEN item). */
    static void oldMission(String id, MissionStatus status, LocalDate deadline) {
        Map<String, AttributeValue> item = MissionItems.missionItem(mission(id, deadline), status, NOW.minus(Duration.ofDays(20)));
        stack.dynamo().putItem(b -> b.tableName(stack.table()).item(item));
    }

    /** The calendar items: table key and due time, sorted. */
    static List<String> calendar() {
        return stack.items("WHEN").stream().map(i -> i.get("pk").s() + " " + i.get("sk").s() + " " + i.get("at").s())
                .sorted().toList();
    }

    static List<String> steps(String prefix, String subject) {
        return calendar().stream().filter(line -> line.startsWith(prefix) && line.contains("#" + subject + " ")).toList();
    }

    @Test
    void plans_what_the_old_versions_never_planned_once_and_leaves_the_rest() {
        Instant recent = NOW.minus(Duration.ofDays(10));
        oldProfile("p-recent", ProfileStatus.ACTIVE, recent);
        oldProfile("p-quiet", ProfileStatus.ACTIVE, NOW.minus(Duration.ofDays(200)));
        oldProfile("p-planned", ProfileStatus.ACTIVE, recent);
        Instant plannedAt = Instant.parse("2027-02-01T09:00:00Z");
        new DynamoAvailability(new DynamoTable(stack.dynamo(), stack.table())).plan(ProfileAvailability.Step.CHECK, "p-planned", plannedAt);
        oldProfile("p-pending", ProfileStatus.PENDING_VERIFICATION, recent);
        oldMission("m-open", MissionStatus.PUBLISHED, LocalDate.of(2027, 2, 1));
        oldMission("m-late", MissionStatus.PUBLISHED, LocalDate.of(2026, 10, 1));
        oldMission("m-closed", MissionStatus.CLOSED, LocalDate.of(2027, 2, 1));
        oldMission("m-review", MissionStatus.PENDING_REVIEW, LocalDate.of(2027, 2, 1));
        oldMission("m-planned", MissionStatus.PUBLISHED, LocalDate.of(2027, 3, 1));
        Instant plannedNotice = MissionCalendar.lastNoticeAt(mission("m-planned", LocalDate.of(2027, 3, 1)));
        MissionItems.CALENDAR.plan(new DynamoTable(stack.dynamo(), stack.table()), "LAST_NOTICE", "m-planned", plannedNotice);
        List<String> progress = new ArrayList<>();
        // 3 items a page, a progress line every 2 pages: the pagination is followed, its progress shown
        CalendarBackfill backfill = new CalendarBackfill(stack.dynamo(), stack.table(), Clock.fixed(NOW, ZoneOffset.UTC), CHECK_AFTER, 3, 2);

        CalendarBackfill.Outcome first = backfill.run(progress::add);

        assertThat(first.profilesPlanned()).isEqualTo(2);
        assertThat(first.missionsPlanned()).isEqualTo(2);
        assertThat(first.alreadyPlanned()).isEqualTo(2);
        assertThat(steps("AVAIL#", "p-recent")).singleElement().asString()
                .startsWith("AVAIL#" + recent.plus(CHECK_AFTER).toString().substring(0, 10)).contains("#CHECK#")
                .endsWith(" " + recent.plus(CHECK_AFTER));
        // overdue: within the spread, not all at once
        String quiet = steps("AVAIL#", "p-quiet").getFirst();
        Instant quietAt = Instant.parse(quiet.substring(quiet.lastIndexOf(' ') + 1));
        assertThat(quietAt).isBetween(NOW, NOW.plus(CalendarBackfill.SPREAD));
        assertThat(steps("AVAIL#", "p-planned")).singleElement().asString().endsWith(" " + plannedAt);
        assertThat(steps("AVAIL#", "p-pending")).isEmpty();
        // as publishing plans it: 08:00 in Paris on the deadline
        assertThat(steps("WHEN#", "m-open")).singleElement().asString()
                .startsWith("WHEN#2027-02-01").contains("#LAST_NOTICE#").endsWith(" 2027-02-01T07:00:00Z");
        assertThat(steps("WHEN#", "m-late")).singleElement().asString().endsWith(" " + NOW);
        assertThat(steps("WHEN#", "m-planned")).singleElement().asString().endsWith(" " + plannedNotice);
        assertThat(steps("WHEN#", "m-closed")).isEmpty();
        assertThat(steps("WHEN#", "m-review")).isEmpty();
        assertThat(first.read()).isGreaterThanOrEqualTo(11);
        assertThat(progress).anyMatch(line -> line.startsWith("backfill: pages "))
                .noneMatch(line -> line.contains("p-") || line.contains("m-") || line.contains("@"));

        // run again, later: nothing planned twice, nothing moved
        List<String> after = calendar();
        CalendarBackfill again = new CalendarBackfill(stack.dynamo(), stack.table(),
                Clock.fixed(NOW.plus(Duration.ofHours(5)), ZoneOffset.UTC), CHECK_AFTER);
        CalendarBackfill.Outcome second = again.run(line -> { });

        assertThat(second.profilesPlanned()).isZero();
        assertThat(second.missionsPlanned()).isZero();
        assertThat(second.alreadyPlanned()).isEqualTo(6);
        assertThat(calendar()).isEqualTo(after);
    }
}

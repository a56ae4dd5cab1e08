package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.ENTITY;
import static org.socialdeclik.shared.aws.TableLayout.MAIN;
import static org.socialdeclik.shared.aws.TableLayout.MISSION_ID;
import static org.socialdeclik.shared.aws.TableLayout.PK;
import static org.socialdeclik.shared.aws.TableLayout.PROFILE_ID;
import static org.socialdeclik.shared.aws.TableLayout.SK;
import static org.socialdeclik.shared.aws.TableLayout.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.ProfileStatus;
import org.socialdeclik.shared.ports.MissionCalendar;
import org.socialdeclik.shared.ports.ProfileAvailability;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.ports.StoredProfile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Run once after upgrading to the version with the availability calendar ({@code AVAIL#day}) and
 * the mission calendar ({@code WHEN#day}): the active profiles verified before it and the missions
 * published before it had no step planned, so their lifecycle never started. This plans, with the
 * keys the normal path uses ({@link ProfileItems#CALENDAR}, {@link MissionItems#CALENDAR}):
 * <ul>
 *   <li>for an active, unpaused profile with no availability step: its check at its last sign of
 *       life + the check period, as verifying it would have; a check already overdue is planned
 *       within the next {@link #SPREAD} (the hour chosen by the profile's id), not all now, so
 *       the first availability run after the upgrade does not send every overdue email at once;</li>
 *   <li>for a published mission with neither a last notice nor its closing planned: its last
 *       notice, as publishing plans it (08:00 in Paris on the deadline or start date), or now when
 *       that is past (the calendar is only read 30 days back).</li>
 * </ul>
 * Rerunnable: the calendar items are read in the same pass, so what is planned is never planned
 * again; a profile or mission changed after the run began is left to the normal path.
 *
 * <p>It reads the whole table with a paginated Scan. That is acceptable here, and only here: it is
 * a one-off migration an admin runs, not a per-request path (those read by key and by day).
 * The progress lines and the outcome carry counts only, never an id or any personal data.
 */
public final class CalendarBackfill {
    /** Items per page of the scan. */
    static final int PAGE_SIZE = 500;
    /** A progress line every this many pages. */
    static final int REPORT_EVERY = 20;
    /** Overdue checks are spread over this long. */
    public static final Duration SPREAD = Duration.ofDays(7);

    /** What a run did: items read, profiles and missions planned, and those already planned. */
    public record Outcome(long read, int profilesPlanned, int missionsPlanned, int alreadyPlanned) {
        @Override
        public String toString() {
            return "items read " + read + ", availability checks planned " + profilesPlanned
                    + ", last notices planned " + missionsPlanned + ", already planned " + alreadyPlanned;
        }
    }

    private final DynamoTable table;
    private final Clock clock;
    private final Duration checkAfter;
    private final int pageSize;
    private final int reportEvery;

    /** @param checkAfter the check period (AVAILABILITY_CHECK_DAYS of the stack) */
    public CalendarBackfill(DynamoDbClient dynamo, String table, Clock clock, Duration checkAfter) {
        this(dynamo, table, clock, checkAfter, PAGE_SIZE, REPORT_EVERY);
    }

    CalendarBackfill(DynamoDbClient dynamo, String table, Clock clock, Duration checkAfter, int pageSize, int reportEvery) {
        this.table = new DynamoTable(dynamo, table);
        this.clock = clock;
        this.checkAfter = checkAfter;
        this.pageSize = pageSize;
        this.reportEvery = reportEvery;
    }

    public Outcome run(Consumer<String> progress) {
        Instant now = Instant.now(clock);
        Map<String, Instant> checks = new LinkedHashMap<>();
        Map<String, Instant> lastNotices = new LinkedHashMap<>();
        Set<String> profilesPlanned = new HashSet<>();
        Set<String> missionsPlanned = new HashSet<>();
        long read = 0;
        int pages = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = table.dynamo().scan(b -> b.tableName(table.name()).limit(pageSize)
                    .consistentRead(true).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                String entity = text(item, ENTITY);
                String pk = text(item, PK);
                if (TableLayout.Entity.WHEN.name().equals(entity) && pk != null) {
                    if (pk.startsWith("AVAIL#")) {
                        profilesPlanned.add(text(item, PROFILE_ID));
                    } else if (pk.startsWith("WHEN#") && !MissionCalendar.Step.FOLLOW_UP.name().equals(text(item, DayCalendar.STEP))) {
                        missionsPlanned.add(text(item, MISSION_ID)); // a last notice, or the closing after it
                    }
                } else if (MAIN.equals(text(item, SK)) && TableLayout.Entity.PROFILE.name().equals(entity)) {
                    StoredProfile profile = TableLayout.storedProfile(item);
                    if (profile.status() == ProfileStatus.ACTIVE && !profile.paused() && profile.updatedAt().isBefore(now)) {
                        checks.put(profile.profile().id(), checkAt(profile, now));
                    }
                } else if (MAIN.equals(text(item, SK)) && TableLayout.Entity.MISSION.name().equals(entity)) {
                    StoredMission mission = MissionItems.storedMission(item);
                    if (mission.status() == MissionStatus.PUBLISHED && mission.updatedAt().isBefore(now)) {
                        Instant at = MissionCalendar.lastNoticeAt(mission.mission());
                        lastNotices.put(mission.mission().id(), at.isBefore(now) ? now : at);
                    }
                }
            }
            read += page.count();
            pages++;
            if (pages % reportEvery == 0) {
                progress.accept("backfill: pages " + pages + ", items read " + read);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        int profiles = planMissing(checks, profilesPlanned, ProfileItems.CALENDAR, ProfileAvailability.Step.CHECK.name());
        int missions = planMissing(lastNotices, missionsPlanned, MissionItems.CALENDAR, MissionCalendar.Step.LAST_NOTICE.name());
        int already = checks.size() + lastNotices.size() - profiles - missions;
        Outcome outcome = new Outcome(read, profiles, missions, already);
        progress.accept("backfill done (pages " + pages + "): " + outcome);
        return outcome;
    }

    /** Plans {@code step} for each subject that has nothing planned yet; how many it planned. */
    private int planMissing(Map<String, Instant> wanted, Set<String> planned, DayCalendar calendar, String step) {
        int count = 0;
        for (Map.Entry<String, Instant> subject : wanted.entrySet()) {
            if (!planned.contains(subject.getKey())) {
                calendar.plan(table, step, subject.getKey(), subject.getValue());
                count++;
            }
        }
        return count;
    }

    /** When a profile's check is planned: a period after its last sign of life, or an hour of the spread when past. */
    Instant checkAt(StoredProfile profile, Instant now) {
        Instant at = profile.lastSeen().plus(checkAfter);
        if (at.isAfter(now)) {
            return at;
        }
        long hours = Math.floorMod(profile.profile().id().hashCode(), SPREAD.toHours());
        return now.plus(Duration.ofHours(hours));
    }
}

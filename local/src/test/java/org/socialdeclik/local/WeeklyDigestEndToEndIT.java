package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialdeclik.local.PlatformEndToEndIT.activeProfile;
import static org.socialdeclik.local.PlatformEndToEndIT.awaitEmail;
import static org.socialdeclik.local.PlatformEndToEndIT.call;
import static org.socialdeclik.local.PlatformEndToEndIT.emails;
import static org.socialdeclik.local.PlatformEndToEndIT.missionJson;
import static org.socialdeclik.local.PlatformEndToEndIT.post;
import static org.socialdeclik.local.PlatformEndToEndIT.profileJson;
import static org.socialdeclik.local.PlatformEndToEndIT.proposalOf;
import static org.socialdeclik.local.PlatformEndToEndIT.to;
import static org.socialdeclik.local.PlatformEndToEndIT.tokenOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.local.PlatformEndToEndIT.Answer;
import org.socialdeclik.shared.domain.ProposalFrequency;

/**
 * "How often" (issue 11), walked week by week with the local clock: a WEEKLY freelancer hears of
 * the week's missions in one digest on Monday at 08:00 (Paris), without the mission closed
 * meanwhile, sent by the template's Monday schedule by itself, never to an address on the
 * suppression list; an IMMEDIATE one as before. The
 * real template and handlers over HTTP, on a table of its own.
 */
class WeeklyDigestEndToEndIT {
    static LocalPlatform platform;

    @BeforeAll
    static void start() {
        LocalClock.INSTANCE.reset();
        Path template = SamTemplate.find(Path.of("")).orElseThrow();
        platform = LocalPlatform.start(LocalConfig.defaults().withPort(0).withEndpoint(Emulator.endpoint())
                .withTemplate(template).withPollInterval(Duration.ofMillis(100)).withModeration(false)
                .withTableName("e2e-weekly-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(platform.awaitHealthy(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stop() {
        LocalClock.INSTANCE.reset();
        if (platform != null) {
            platform.close();
        }
    }

    static Instant now() throws Exception {
        return Instant.parse(call(platform, "GET", "/_local/clock", null, null, null).json().get("now").asText());
    }

    static void advanceDays(long days) throws Exception {
        Answer answer = post(platform, "/_local/clock", "{\"advanceDays\": " + days + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static Answer runMondaySchedule() throws Exception {
        Answer ran = post(platform, "/_local/schedules/DeferredProposalsFunction/MondayDigest", "");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        return ran;
    }

    static JsonNode mondaySchedule() throws Exception {
        for (JsonNode schedule : call(platform, "GET", "/_local/schedules", null, null, null).json()) {
            if (schedule.get("event").asText().equals("MondayDigest")) {
                return schedule;
            }
        }
        throw new AssertionError("no MondayDigest schedule");
    }

    /** Every email to this address but the confirmation of the address. */
    static List<JsonNode> missionEmailsTo(String address) throws Exception {
        Predicate<JsonNode> confirmation = to(address, "Confirmez votre adresse");
        return emails(platform).stream().filter(e -> e.get("to").toString().contains("\"" + address + "\""))
                .filter(confirmation.negate()).toList();
    }

    @Test
    void a_weekly_freelancer_gets_one_monday_digest_of_the_missions_still_open_and_an_immediate_one_gets_them_at_once()
            throws Exception {
        String weekly = "weekly-" + UUID.randomUUID() + "@example.org";
        String immediate = "now-" + UUID.randomUUID() + "@example.org";
        String access = activeProfile(platform, weekly);
        activeProfile(platform, immediate);
        // the freelancer chooses WEEKLY in /me (an unknown value is refused, naming the field)
        ObjectNode edit = (ObjectNode) LocalMapper.MAPPER.readTree(profileJson(weekly));
        edit.remove("email");
        Answer bad = call(platform, "PUT", "/profiles/me", "application/json", edit.put("proposalFrequency", "DAILY").toString(), access);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("proposalFrequency");
        Answer chosen = call(platform, "PUT", "/profiles/me", "application/json", edit.put("proposalFrequency", "WEEKLY").toString(), access);
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(call(platform, "GET", "/profiles/me", null, null, access).json().get("proposalFrequency").asText())
                .isEqualTo("WEEKLY");

        // another chooses WEEKLY when signing up (their address bounces for good before Monday)
        String bounced = "bounced-" + UUID.randomUUID() + "@example.org";
        ObjectNode signUp = (ObjectNode) LocalMapper.MAPPER.readTree(profileJson(bounced));
        assertThat(post(platform, "/profiles", signUp.put("proposalFrequency", "WEEKLY").toString()).status()).isEqualTo(202);
        Answer verified = post(platform, "/profiles/verify", "{\"token\":\""
                + tokenOf(awaitEmail(platform, to(bounced, "Confirmez votre adresse")), "/verify") + "\"}");
        assertThat(call(platform, "GET", "/profiles/me", null, null, verified.json().get("accessToken").asText()).json()
                .get("proposalFrequency").asText()).isEqualTo("WEEKLY");

        String run = UUID.randomUUID().toString().substring(0, 8);
        String organisation = "asso-" + UUID.randomUUID() + "@example.org";
        String[] titles = {"Hebdo A " + run, "Hebdo B fermée " + run, "Hebdo C " + run};
        String[][] missions = new String[3][];
        for (int i = 0; i < 3; i++) {
            Answer submitted = post(platform, "/missions", missionJson(organisation, titles[i]));
            assertThat(submitted.status()).isEqualTo(202);
            missions[i] = new String[] {submitted.json().get("id").asText(), null};
            // the IMMEDIATE freelancer hears of each at once, as before
            awaitEmail(platform, proposalOf(immediate, titles[i]));
        }
        for (int i = 0; i < 3; i++) {
            String title = titles[i];
            missions[i][1] = tokenOf(awaitEmail(platform, e -> to(organisation, "Nous avons bien reçu votre mission").test(e)
                    && e.get("text").asText().contains(title)), "/manage-mission");
        }
        Thread.sleep(2000);
        assertThat(missionEmailsTo(weekly)).as("the WEEKLY freelancer waits for Monday").isEmpty();
        assertThat(post(platform, "/_local/ses-feedback", "{\"email\":\"" + bounced + "\",\"type\":\"Bounce\"}").status())
                .isEqualTo(200);
        // one of the week's missions closes before Monday
        assertThat(post(platform, "/missions/" + missions[1][0] + "/close",
                "{\"token\":\"" + missions[1][1] + "\",\"outcome\":\"CANCELLED\"}").status()).isEqualTo(200);

        // up to the day before the digest: nothing, even when the schedule is run by hand
        Instant digest = ProposalFrequency.nextDigest(now());
        long daysBefore = Duration.between(now(), digest).toDays();
        if (daysBefore > 0) {
            advanceDays(daysBefore);
            runMondaySchedule();
            Thread.sleep(1500);
            assertThat(missionEmailsTo(weekly)).isEmpty();
        }
        // Monday 08:00 in Paris passes: the Monday schedule runs by itself and sends one digest
        long runsBefore = mondaySchedule().get("invocations").asLong();
        advanceDays(1);
        assertThat(now()).isAfterOrEqualTo(digest).isBefore(digest.plus(Duration.ofDays(1)));
        JsonNode sent = awaitEmail(platform, to(weekly, "2 missions pour vous"));
        // the hourly schedule (every minute locally) may have sent it first; the Monday one fires too, by itself
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (mondaySchedule().get("invocations").asLong() <= runsBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(mondaySchedule().get("invocations").asLong()).as("the cron schedule fired by itself").isGreaterThan(runsBefore);
        assertThat(mondaySchedule().get("nextRun").asText()).isEqualTo(ProposalFrequency.nextDigest(now()).toString());
        String text = sent.get("text").asText();
        assertThat(text).contains(titles[0], titles[2], "Pourquoi", "/interest?mission=" + missions[0][0])
                .doesNotContain(titles[1]);
        assertThat(sent.get("headers").get("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        runMondaySchedule(); // run again by hand: still one digest
        Thread.sleep(1500);
        assertThat(missionEmailsTo(weekly)).hasSize(1);

        // the next Monday, nothing waits: no email
        advanceDays(7);
        runMondaySchedule();
        Thread.sleep(2000);
        assertThat(missionEmailsTo(weekly)).hasSize(1);
        assertThat(missionEmailsTo(immediate)).as("three proposals, no digest").hasSize(3);
        assertThat(missionEmailsTo(bounced)).as("the suppression list holds for digests").isEmpty();
    }
}

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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.local.PlatformEndToEndIT.Answer;

/**
 * The loop after the first email, walked week by week with the local clock
 * ({@code POST /_local/clock}): the real template and handlers, over HTTP only.
 */
class LifecycleEndToEndIT {
    static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = startWithClock("e2e-life-", Map.of("INTEREST_TARGET", "2"));
    }

    /** The local run of the template without moderation, on its own table, whose clock the tests move. */
    static LocalPlatform startWithClock(String tablePrefix, Map<String, String> overrides) {
        Path template = SamTemplate.find(Path.of("")).orElseThrow();
        LocalPlatform started = LocalPlatform.start(LocalConfig.defaults().withPort(0).withEndpoint(Emulator.endpoint())
                .withTemplate(template).withPollInterval(Duration.ofMillis(100)).withModeration(false)
                .withVariableOverrides(overrides)
                .withTableName(tablePrefix + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(started.awaitHealthy(Duration.ofSeconds(60))).isTrue();
        return started;
    }

    @AfterEach
    void realTime() throws Exception {
        call(platform, "DELETE", "/_local/clock", null, null, null);
    }

    @AfterAll
    static void stop() {
        stop(platform);
    }

    /** Real time again for the JVM, and the run stopped. */
    static void stop(LocalPlatform started) {
        LocalClock.INSTANCE.reset();
        if (started != null) {
            started.close();
        }
    }

    static Instant advanceDays(int days) throws Exception {
        return advanceDays(platform, days);
    }

    /** Moves that local run's clock on (it adds up); answers its new "now". */
    static Instant advanceDays(LocalPlatform platform, int days) throws Exception {
        Answer answer = post(platform, "/_local/clock", "{\"advanceDays\": " + days + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Instant.parse(answer.json().get("now").asText());
    }

    @Test
    void the_clock_adds_up_tokens_expire_by_it_and_delete_brings_real_time_back() throws Exception {
        String email = "clock-" + UUID.randomUUID() + "@example.org";
        String access = activeProfile(platform, email);
        assertThat(call(platform, "GET", "/profiles/me", null, null, access).status()).isEqualTo(200);
        Answer start = call(platform, "GET", "/_local/clock", null, null, null);
        assertThat(start.json().get("offsetDays").asInt()).isZero();
        Instant real = Instant.parse(start.json().get("now").asText());

        advanceDays(1);
        Instant later = advanceDays(1);

        assertThat(Duration.between(real, later).toHours()).isBetween(47L, 49L);
        Answer now = call(platform, "GET", "/_local/clock", null, null, null);
        assertThat(now.json().get("offsetDays").asInt()).isEqualTo(2);
        // the access token lives 24 hours: two days on, the profiles function refuses it
        assertThat(call(platform, "GET", "/profiles/me", null, null, access).status()).isEqualTo(401);
        // a sign-up now gets a verify link that expires three days after the local "now"
        String other = "clock2-" + UUID.randomUUID() + "@example.org";
        assertThat(post(platform, "/profiles", profileJson(other)).status()).isEqualTo(202);
        String verify = tokenOf(awaitEmail(platform, to(other, "Confirmez votre adresse")), "/verify");
        advanceDays(4);
        assertThat(post(platform, "/profiles/verify", "{\"token\":\"" + verify + "\"}").status()).isEqualTo(401);

        Answer back = call(platform, "DELETE", "/_local/clock", null, null, null);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("offsetDays").asInt()).isZero();
        assertThat(call(platform, "GET", "/profiles/me", null, null, access).status()).isEqualTo(200);
        assertThat(post(platform, "/_local/clock", "{\"advanceDays\": -1}").status()).isEqualTo(400);
        assertThat(post(platform, "/_local/clock", "{\"days\": 1}").status()).isEqualTo(400);
    }

    /** A published mission (moderation is off here) and its organisation's manage token. */
    static String[] publish(String organisation, String title) throws Exception {
        Answer submitted = post(platform, "/missions", missionJson(organisation, title));
        assertThat(submitted.status()).isEqualTo(202);
        String manage = tokenOf(awaitEmail(platform, to(organisation, "Nous avons bien reçu votre mission")), "/manage-mission");
        return new String[] {submitted.json().get("id").asText(), manage};
    }

    /** Says "I'm interested" through the link for this mission (a digest may list other missions first). */
    static String interested(String freelancer, String title, String missionId) throws Exception {
        String text = awaitEmail(platform, proposalOf(freelancer, title)).get("text").asText();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/interest\\?mission=" + java.util.regex.Pattern.quote(missionId)
                + "&token=([^\\s&]+)").matcher(text);
        assertThat(link.find()).as("an interest link for " + missionId + " in " + text).isTrue();
        String token = java.net.URLDecoder.decode(link.group(1), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(post(platform, "/interests", "{\"token\":\"" + token + "\"}").status()).isEqualTo(202);
        return token;
    }

    @Test
    void once_the_interest_target_is_reached_the_mission_is_proposed_to_no_one_more() throws Exception {
        String title = "Assez d'intérêt " + UUID.randomUUID();
        String[] a = {"t1-" + UUID.randomUUID() + "@example.org", "t2-" + UUID.randomUUID() + "@example.org"};
        for (String freelancer : a) {
            activeProfile(platform, freelancer);
        }
        String organisation = "asso-" + UUID.randomUUID() + "@example.org";
        String[] mission = publish(organisation, title);
        for (String freelancer : a) {
            interested(freelancer, title, mission[0]);
        }
        Answer view = call(platform, "GET", "/missions/" + mission[0], null, null, mission[1]);
        assertThat(view.json().get("interestCount").asInt()).isEqualTo(2);

        // a profile that fits, activated after the target (2 here) was reached, is not proposed it
        String late = "t3-" + UUID.randomUUID() + "@example.org";
        String access = activeProfile(platform, late);
        Thread.sleep(3000);
        assertThat(emails(platform)).noneMatch(proposalOf(late, title));
        assertThat(call(platform, "GET", "/profiles/me", null, null, access).json().get("proposals").toString())
                .doesNotContain(mission[0]);
    }

    @Test
    void closing_with_an_outcome_tells_each_interested_freelancer_once_and_nobody_else() throws Exception {
        String title = "Close avec issue " + UUID.randomUUID();
        String keen = "keen-" + UUID.randomUUID() + "@example.org";
        String other = "other-" + UUID.randomUUID() + "@example.org";
        String quiet = "quiet-" + UUID.randomUUID() + "@example.org";
        for (String freelancer : new String[] {keen, other, quiet}) {
            activeProfile(platform, freelancer);
        }
        String[] mission = publish("asso-" + UUID.randomUUID() + "@example.org", title);
        interested(keen, title, mission[0]);
        interested(other, title, mission[0]);
        awaitEmail(platform, proposalOf(quiet, title));

        Answer closed = post(platform, "/missions/" + mission[0] + "/close",
                "{\"token\":\"" + mission[1] + "\",\"outcome\":\"CANCELLED\"}");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(call(platform, "GET", "/missions/" + mission[0], null, null, mission[1]).json().get("outcome").asText())
                .isEqualTo("CANCELLED");
        var notice = awaitEmail(platform, to(keen, "La mission «"));
        assertThat(notice.get("text").asText()).contains(title, "ne se fera finalement pas").doesNotContain(other);
        assertThat(notice.get("headers").get("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        awaitEmail(platform, to(other, "La mission «"));
        Thread.sleep(1500);
        assertThat(emails(platform)).filteredOn(to(keen, "La mission «")::test).hasSize(1);
        assertThat(emails(platform)).noneMatch(to(quiet, "La mission «"));
    }

    static Answer runSchedule(String key) throws Exception {
        return runSchedule(platform, key);
    }

    static Answer runSchedule(LocalPlatform platform, String key) throws Exception {
        Answer ran = post(platform, "/_local/schedules/" + key, "");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        return ran;
    }

    @Test
    void weeks_later_the_organisation_is_reminded_warned_at_the_deadline_and_the_mission_closes_by_itself() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String title = "Suivi " + UUID.randomUUID();
        String organisation = "suivi-" + UUID.randomUUID() + "@example.org";
        String freelancer = "suivi-free-" + UUID.randomUUID() + "@example.org";
        activeProfile(platform, freelancer);
        Answer submitted = post(platform, "/missions", missionJson(organisation, title)
                .replace("\"startDate\": \"2030-02-01\"", "\"startDate\": \"" + today.plusDays(30)
                        + "\", \"applicationDeadline\": \"" + today.plusDays(10) + "\""));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String missionId = submitted.json().get("id").asText();
        String manage = tokenOf(awaitEmail(platform, to(organisation, "Nous avons bien reçu votre mission")), "/manage-mission");
        interested(freelancer, title, missionId);

        // a week after the first interest: one reminder, listing who is interested, with the manage link
        advanceDays(7);
        runSchedule("MissionFollowUpFunction/Hourly");
        var reminder = awaitEmail(platform, to(organisation, "Où en est votre mission"));
        assertThat(reminder.get("text").asText()).contains(freelancer, "/manage-mission?mission=" + missionId);
        // the deadline (day 10): one last notice
        advanceDays(4);
        runSchedule("MissionFollowUpFunction/Hourly");
        awaitEmail(platform, to(organisation, "Dernier rappel pour votre mission"));
        assertThat(call(platform, "GET", "/missions/" + missionId, null, null, manage).json().get("status").asText())
                .isEqualTo("PUBLISHED");
        // three days later it closes by itself, and the interested freelancer hears it once
        advanceDays(3);
        runSchedule("MissionFollowUpFunction/Hourly");
        Answer view = call(platform, "GET", "/missions/" + missionId, null, null, manage);
        assertThat(view.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.json().get("outcome").asText()).isEqualTo("EXPIRED");
        awaitEmail(platform, to(freelancer, "La mission «"));
        runSchedule("MissionFollowUpFunction/Hourly");
        Thread.sleep(1000);
        assertThat(emails(platform)).filteredOn(to(organisation, "Où en est votre mission")::test).hasSize(1);
        assertThat(emails(platform)).filteredOn(to(organisation, "Dernier rappel")::test).hasSize(1);
    }
}

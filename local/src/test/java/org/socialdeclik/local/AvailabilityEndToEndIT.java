package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialdeclik.local.PlatformEndToEndIT.activeProfile;
import static org.socialdeclik.local.PlatformEndToEndIT.awaitEmail;
import static org.socialdeclik.local.PlatformEndToEndIT.call;
import static org.socialdeclik.local.PlatformEndToEndIT.emails;
import static org.socialdeclik.local.PlatformEndToEndIT.missionJson;
import static org.socialdeclik.local.PlatformEndToEndIT.post;
import static org.socialdeclik.local.PlatformEndToEndIT.proposalOf;
import static org.socialdeclik.local.PlatformEndToEndIT.to;
import static org.socialdeclik.local.PlatformEndToEndIT.tokenOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.local.PlatformEndToEndIT.Answer;

/**
 * Availability (issue 11, §1) walked week by week with the local clock ({@code POST /_local/clock})
 * and the availability schedule run on demand: the real template and handlers, over HTTP only.
 */
class AvailabilityEndToEndIT {
    static final String SCHEDULE = "AvailabilityFunction/Hourly";
    static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = LifecycleEndToEndIT.startWithClock("e2e-avail-", Map.of());
    }

    @AfterEach
    void realTime() throws Exception {
        call(platform, "DELETE", "/_local/clock", null, null, null);
    }

    @AfterAll
    static void stop() {
        LifecycleEndToEndIT.stop(platform);
    }

    static Instant advanceDays(int days) throws Exception {
        return LifecycleEndToEndIT.advanceDays(platform, days);
    }

    static void runSchedule() throws Exception {
        LifecycleEndToEndIT.runSchedule(platform, SCHEDULE);
    }

    /** A fresh access token through the emailed sign-in link (the one of the sign-up expired days ago). */
    static String signIn(String email) throws Exception {
        var signInEmail = to(email, "Votre lien pour gérer votre profil");
        long before = count(signInEmail);
        assertThat(post(platform, "/auth/link", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
        Instant deadline = Instant.now().plusSeconds(20);
        while (count(signInEmail) <= before && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        var all = emails(platform).stream().filter(signInEmail).toList();
        assertThat(all).as("a new sign-in email").hasSizeGreaterThan((int) before);
        return tokenOf(all.get(all.size() - 1), "/me");
    }

    /** The token of the email's {@code /availability} link for this answer. */
    static String availabilityToken(JsonNode email, String answer) {
        Matcher link = Pattern.compile("/availability\\?answer=" + answer + "&token=([^\\s&]+)").matcher(email.get("text").asText());
        assertThat(link.find()).as("an /availability link answering " + answer + " in " + email.get("text").asText()).isTrue();
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    /** Publishes a mission every profile here fits, and waits until its matching has run (its report). */
    static String publishAndAwaitMatching(String title) throws Exception {
        String organisation = "asso-" + UUID.randomUUID() + "@example.org";
        Answer submitted = post(platform, "/missions", missionJson(organisation, title));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        awaitEmail(platform, e -> e.get("to").toString().contains(organisation) && e.get("subject").asText().contains(title)
                && !e.get("subject").asText().startsWith("Nous avons bien reçu"));
        Thread.sleep(1500); // the proposals of that run were written before its report: let any go out
        return submitted.json().get("id").asText();
    }

    static long count(java.util.function.Predicate<JsonNode> wanted) throws Exception {
        return emails(platform).stream().filter(wanted).count();
    }

    @Test
    void sixty_quiet_days_one_check_a_pause_by_its_link_nothing_proposed_meanwhile_then_the_open_missions_in_one_email()
            throws Exception {
        String freelancer = "avail-pause-" + UUID.randomUUID() + "@example.org";
        activeProfile(platform, freelancer);

        Instant now = advanceDays(60);
        runSchedule();
        JsonNode check = awaitEmail(platform, to(freelancer, "Toujours disponible ?"));
        runSchedule();
        Thread.sleep(1000);
        assertThat(count(to(freelancer, "Toujours disponible ?"))).isEqualTo(1);
        assertThat(check.get("headers").get("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(availabilityToken(check, "AVAILABLE")).isNotBlank();

        LocalDate until = now.atZone(ZoneId.of("Europe/Paris")).toLocalDate().plusDays(14);
        Answer paused = post(platform, "/profiles/availability",
                "{\"token\":\"" + availabilityToken(check, "PAUSE") + "\",\"answer\":\"PAUSE\",\"until\":\"" + until + "\"}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("availabilityStatus").asText()).isEqualTo("PAUSED");
        JsonNode me = call(platform, "GET", "/profiles/me", null, null, signIn(freelancer)).json();
        assertThat(me.get("availabilityStatus").asText()).isEqualTo("PAUSED");
        assertThat(me.get("pausedUntil").asText()).isEqualTo(until.toString());

        // a mission published meanwhile is not proposed to them
        String title = "Pendant la pause " + UUID.randomUUID();
        publishAndAwaitMatching(title);
        assertThat(count(proposalOf(freelancer, title))).isZero();

        // the pause's date passes: the open missions that fit come as one email
        advanceDays(15);
        runSchedule();
        JsonNode matches = awaitEmail(platform, proposalOf(freelancer, title));
        assertThat(matches.get("headers").get("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        runSchedule();
        Thread.sleep(1500);
        assertThat(count(e -> e.get("to").toString().contains("\"" + freelancer + "\"") && e.get("text").asText().contains(title)))
                .isEqualTo(1);
        assertThat(call(platform, "GET", "/profiles/me", null, null, signIn(freelancer)).json().get("availabilityStatus").asText())
                .isEqualTo("AVAILABLE");
    }

    @Test
    void no_answer_for_fourteen_days_pauses_with_one_email_and_resuming_from_me_brings_the_open_missions_in_one_email()
            throws Exception {
        String freelancer = "avail-silent-" + UUID.randomUUID() + "@example.org";
        activeProfile(platform, freelancer);
        advanceDays(60);
        runSchedule();
        awaitEmail(platform, to(freelancer, "Toujours disponible ?"));

        advanceDays(14);
        runSchedule();
        JsonNode pausedEmail = awaitEmail(platform, to(freelancer, "Votre profil est en pause"));
        assertThat(availabilityToken(pausedEmail, "AVAILABLE")).isNotBlank();
        runSchedule();
        Thread.sleep(1000);
        assertThat(count(to(freelancer, "Votre profil est en pause"))).isEqualTo(1);
        String access = signIn(freelancer);
        JsonNode me = call(platform, "GET", "/profiles/me", null, null, access).json();
        assertThat(me.get("availabilityStatus").asText()).isEqualTo("PAUSED");
        assertThat(me.has("pausedUntil")).isFalse();

        String title = "Après le silence " + UUID.randomUUID();
        publishAndAwaitMatching(title);
        assertThat(count(proposalOf(freelancer, title))).isZero();

        Answer resumed = call(platform, "POST", "/profiles/availability", "application/json", "{\"answer\":\"AVAILABLE\"}", access);

        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("availabilityStatus").asText()).isEqualTo("AVAILABLE");
        awaitEmail(platform, proposalOf(freelancer, title));
        Thread.sleep(1500);
        assertThat(count(e -> e.get("to").toString().contains("\"" + freelancer + "\"") && e.get("text").asText().contains(title)))
                .isEqualTo(1);
    }
}

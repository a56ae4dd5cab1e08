package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.local.PlatformEndToEndIT.Answer;

/**
 * The vocabulary that grows, over HTTP on the stack `make run` starts: a word no term knew is
 * listed on the admins' desk, an admin teaches it, and what was stored with it matches from then
 * on (through the recovery sweep, as deployed), while what is typed afterwards is understood at once.
 */
class VocabularyEndToEndIT {
    static final String ADMIN = LocalConfig.LOCAL_PARAMETER_VALUES.get("AdminEmails");
    static LocalPlatform platform;
    /** The admin's token (valid two hours), from the sign-in email's /admin link. */
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        platform = LocalPlatform.start(LocalConfig.defaults().withPort(0).withEndpoint(Emulator.endpoint())
                .withTemplate(SamTemplate.find(Path.of("")).orElseThrow()).withPollInterval(Duration.ofMillis(100))
                .withModeration(false).withTableName("e2e-vocab-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(platform.awaitHealthy(Duration.ofSeconds(60))).isTrue();
        assertThat(post(platform, "/admin/link", "{\"email\":\"" + ADMIN + "\"}").status()).isEqualTo(202);
        admin = tokenOf(awaitEmail(platform, e -> e.get("to").toString().contains(ADMIN)
                && e.get("text").asText().contains("/admin?token=")), "/admin");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /** A verified freelancer who typed these skills (JSON array items); the access token. */
    static String freelancer(String email, String skills) throws Exception {
        String profile = profileJson(email).replace("[\"WP\", \"référencement naturel\"]", "[" + skills + "]");
        assertThat(post(platform, "/profiles", profile).status()).isEqualTo(202);
        String verify = tokenOf(awaitEmail(platform, to(email, "Confirmez votre adresse")), "/verify");
        Answer verified = post(platform, "/profiles/verify", "{\"token\":\"" + verify + "\"}");
        assertThat(verified.status()).isEqualTo(200);
        return verified.json().get("accessToken").asText();
    }

    /** A mission asking for these skills, published (moderation is off); its id once matching reported. */
    static String published(String organisation, String title, String skills) throws Exception {
        Answer submitted = post(platform, "/missions", missionJson(organisation, title)
                .replace("[\"WordPress\", \"UX design\"]", "[" + skills + "]"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        assertThat(submitted.json().get("status").asText()).isEqualTo("PUBLISHED");
        return submitted.json().get("id").asText();
    }

    static Answer teach(String json) throws Exception {
        return call(platform, "POST", "/admin/vocabulary", "application/json", json, admin);
    }

    static long proposals(String freelancer, String title) throws Exception {
        return emails(platform).stream().filter(proposalOf(freelancer, title)).count();
    }

    /**
     * A freelancer who typed {@code profileSkill} and a mission asking {@code missionSkill}, one of
     * them a word no term knew ({@code unknown}): no proposal; taught as a synonym of {@code termId},
     * the sweep proposes the mission once, the email's reasons naming the mission's word.
     */
    static void taughtThenMatched(String profileSkill, String missionSkill, String unknown, String termId) throws Exception {
        String freelancer = "taught-" + UUID.randomUUID() + "@example.org";
        freelancer(freelancer, "\"" + profileSkill + "\"");
        String title = "Parcours d'adhésion " + UUID.randomUUID();
        String organisation = "asso-" + UUID.randomUUID() + "@example.org";
        published(organisation, title, "\"" + missionSkill + "\"");
        // matching ran (the organisation hears nobody fits yet): the two words were not one skill
        awaitEmail(platform, to(organisation, "Personne ne correspond encore"));
        assertThat(proposals(freelancer, title)).isZero();
        JsonNode listed = call(platform, "GET", "/admin/vocabulary/unknown", null, null, admin).json();
        assertThat(listed.toString()).contains("{\"kind\":\"skill\",\"text\":\"" + unknown + "\",\"count\":1}");

        Answer taught = teach("{\"kind\":\"skill\",\"text\":\"" + unknown + "\",\"mapTo\":\"" + termId + "\"}");

        assertThat(taught.status()).as(taught.body()).isEqualTo(200);
        assertThat(taught.json().get("reindexed").asInt()).isEqualTo(1);
        assertThat(call(platform, "GET", "/admin/vocabulary/unknown", null, null, admin).body()).doesNotContain(unknown);
        // the sweep, a little later as deployed (it leaves work younger than a minute to the stream)
        post(platform, "/_local/clock", "{\"advanceDays\": 1}");
        try {
            Answer sweep = post(platform, "/_local/schedules/RecoveryFunction/Sweep", "");
            assertThat(sweep.status()).as(sweep.body()).isEqualTo(200);
            JsonNode proposal = awaitEmail(platform, proposalOf(freelancer, title));
            assertThat(proposal.get("text").asText()).contains("Compétences en commun\u00a0: " + missionSkill);
            // never twice: a second sweep finds nothing left to do
            post(platform, "/_local/schedules/RecoveryFunction/Sweep", "");
            Thread.sleep(1500);
            assertThat(proposals(freelancer, title)).isEqualTo(1);
        } finally {
            call(platform, "DELETE", "/_local/clock", null, null, null); // the admin's token is valid again
        }
    }

    @Test
    void a_profile_stored_with_a_word_no_term_knew_is_proposed_the_mission_once_an_admin_taught_it() throws Exception {
        taughtThenMatched("UX/UI", "UX design", "UX/UI", "ux-design");
    }

    @Test
    void a_mission_stored_with_a_word_no_term_knew_is_proposed_once_an_admin_taught_it() throws Exception {
        taughtThenMatched("Accessibilité numérique", "Mise aux normes RGAA", "Mise aux normes RGAA", "accessibility");
    }

    @Test
    void a_term_added_on_the_desk_is_suggested_and_understood_in_what_is_typed_next() throws Exception {
        Answer added = teach("{\"kind\":\"skill\",\"term\":{\"id\":\"penpot\",\"fr\":\"Penpot\",\"en\":\"Penpot\","
                + "\"synonyms\":[\"penpot design\"]}}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(call(platform, "GET", "/vocabulary", null, null, null).json().get("skills").toString())
                .contains("{\"id\":\"penpot\",\"fr\":\"Penpot\",\"en\":\"Penpot\"}");

        String leo = "penpot-" + UUID.randomUUID() + "@example.org";
        String access = freelancer(leo, "\"Penpot design\"");
        JsonNode understood = call(platform, "GET", "/profiles/me", null, null, access).json().get("skillsUnderstood").get(0);
        assertThat(understood.get("id").asText()).isEqualTo("penpot");
        assertThat(understood.get("known").asBoolean()).isTrue();
        String title = "Maquettes " + UUID.randomUUID();
        published("asso-" + UUID.randomUUID() + "@example.org", title, "\"Penpot\"");
        JsonNode proposal = awaitEmail(platform, proposalOf(leo, title));
        assertThat(proposal.get("text").asText()).contains("Compétences en commun\u00a0: Penpot");
        assertThat(call(platform, "GET", "/admin/vocabulary/unknown", null, null, admin).body()).doesNotContain("enpot");
    }
}

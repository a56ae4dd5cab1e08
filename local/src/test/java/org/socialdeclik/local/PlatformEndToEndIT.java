package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local stack as `make run` starts it, driven over HTTP only, the way a person and their
 * mailbox would: the real template, the real handlers, the emulator, the stream pollers.
 */
class PlatformEndToEndIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static LocalPlatform moderated;
    static LocalPlatform unmoderated;

    @BeforeAll
    static void start() {
        Path template = SamTemplate.find(Path.of("")).orElseThrow();
        LocalConfig base = LocalConfig.defaults().withPort(0).withEndpoint(Emulator.endpoint()).withTemplate(template)
                .withPollInterval(Duration.ofMillis(100));
        moderated = LocalPlatform.start(base.withTableName("e2e-on-" + UUID.randomUUID().toString().substring(0, 8)).withModeration(true));
        unmoderated = LocalPlatform.start(base.withTableName("e2e-off-" + UUID.randomUUID().toString().substring(0, 8)).withModeration(false));
        assertThat(moderated.awaitHealthy(Duration.ofSeconds(60))).isTrue();
        assertThat(unmoderated.awaitHealthy(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stop() {
        if (moderated != null) {
            moderated.close();
        }
        if (unmoderated != null) {
            unmoderated.close();
        }
    }

    // ---- HTTP helpers ------------------------------------------------------------------------

    record Answer(int status, JsonNode json, String body) {}

    static Answer call(LocalPlatform platform, String method, String path, String contentType, String body, String bearer)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.apiBaseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? null : LocalMapper.MAPPER.readTree(response.body());
        return new Answer(response.statusCode(), json, response.body());
    }

    static Answer post(LocalPlatform platform, String path, String json) throws Exception {
        return call(platform, "POST", path, "application/json", json, null);
    }

    static List<JsonNode> emails(LocalPlatform platform) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        call(platform, "GET", "/_local/emails", null, null, null).json().forEach(out::add);
        return out;
    }

    /** Waits, as a mailbox does, for an email that matches. */
    static JsonNode awaitEmail(LocalPlatform platform, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode email : emails(platform)) {
                if (wanted.test(email)) {
                    return email;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such email arrived within 30 s; got " + emails(platform));
    }

    static Predicate<JsonNode> to(String address, String subjectStart) {
        return e -> e.get("to").toString().contains("\"" + address + "\"") && e.get("subject").asText().startsWith(subjectStart);
    }

    /** The token of the first link to this page in the email's text. */
    static String tokenOf(JsonNode email, String page) {
        Matcher m = Pattern.compile(Pattern.quote(page) + "\\?(?:mission=[^&\\s]+&)?token=([^\\s&]+)").matcher(email.get("text").asText());
        assertThat(m.find()).as("a " + page + " link in " + email.get("text").asText()).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    /**
     * The email proposing this mission: a single proposal, or the digest a just-activated profile
     * gets when its own matching run finds the mission first (either way the pair is emailed once).
     */
    static Predicate<JsonNode> proposalOf(String address, String title) {
        return e -> e.get("to").toString().contains("\"" + address + "\"")
                && e.get("subject").asText().contains("pour vous") && e.get("text").asText().contains(title);
    }

    static String profileJson(String email) {
        return """
                {"email": "%s", "firstName": "Ana", "lastName": "Martin", "headline": "Développeuse WordPress",
                 "skills": ["WP", "référencement naturel"], "causes": ["environnement"],
                 "location": {"postalCode": "35000"}, "mobility": "REGION", "remote": true,
                 "dailyRate": 450, "minimumRate": 300, "proBono": false, "locale": "fr", "consent": true}
                """.formatted(email);
    }

    static String missionJson(String orgEmail, String title) {
        return """
                {"title": "%s", "description": "Notre site date de 2015 <script>alert(1)</script>",
                 "organization": {"name": "Les Jardins Partagés", "type": "ASSOCIATION", "email": "%s"},
                 "skills": ["WordPress", "UX design"], "causes": ["environnement"], "workMode": "REMOTE",
                 "budget": 3000, "estimatedDays": 6, "proBono": false, "startDate": "2030-02-01", "locale": "fr"}
                """.formatted(title, orgEmail);
    }

    static String activeProfile(LocalPlatform platform, String email) throws Exception {
        assertThat(post(platform, "/profiles", profileJson(email)).status()).isEqualTo(202);
        JsonNode verification = awaitEmail(platform, to(email, "Confirmez votre adresse"));
        Answer verified = post(platform, "/profiles/verify", "{\"token\":\"" + tokenOf(verification, "/verify") + "\"}");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("status").asText()).isEqualTo("ACTIVE");
        return verified.json().get("accessToken").asText();
    }

    // ---- scenarios ---------------------------------------------------------------------------

    @Test
    void profile_then_verification_then_mission_without_moderation_brings_the_proposal_email() throws Exception {
        String freelancer = "ana-" + UUID.randomUUID() + "@example.org";
        activeProfile(unmoderated, freelancer);

        Answer mission = post(unmoderated, "/missions", missionJson("asso-" + UUID.randomUUID() + "@example.org", "Refonte du site"));

        assertThat(mission.status()).isEqualTo(202);
        assertThat(mission.json().get("status").asText()).isEqualTo("PUBLISHED");
        JsonNode proposal = awaitEmail(unmoderated, proposalOf(freelancer, "Refonte du site"));
        assertThat(proposal.get("text").asText()).contains("Compétences en commun\u00a0: WordPress", "Lieu\u00a0: à distance",
                "Rémunération\u00a0: 500\u00a0€ par jour, pour un minimum de 300\u00a0€", "/interest?mission=", "/unsubscribe?token=");
        assertThat(proposal.get("html").asText()).doesNotContain("<script>alert(1)</script>");
        assertThat(proposal.get("headers").get("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(proposal.get("headers").get("List-Unsubscribe").asText()).startsWith("<" + unmoderated.apiBaseUrl() + "/unsubscribe?token=");
        Thread.sleep(1000);
        assertThat(emails(unmoderated).stream().filter(proposalOf(freelancer, "Refonte du site"))).hasSize(1);
    }

    @Test
    void the_whole_loop_review_proposal_interest_unsubscribe_erasure() throws Exception {
        String freelancer = "lea-" + UUID.randomUUID() + "@example.org";
        String organisation = "asso-" + UUID.randomUUID() + "@example.org";
        String access = activeProfile(moderated, freelancer);

        // the organisation submits; the admins get the review link, the organisation its manage link
        Answer submitted = post(moderated, "/missions", missionJson(organisation, "Site vitrine accessible"));
        assertThat(submitted.json().get("status").asText()).isEqualTo("PENDING_REVIEW");
        String missionId = submitted.json().get("id").asText();
        assertThat(call(moderated, "GET", "/missions/" + missionId, null, null, null).status()).isEqualTo(404);
        JsonNode review = awaitEmail(moderated, e -> e.get("subject").asText().startsWith("Mission à relire")
                && e.get("text").asText().contains(missionId));
        awaitEmail(moderated, to(organisation, "Nous avons bien reçu votre mission"));

        // the admin approves through the emailed link: matching proposes it to the freelancer
        Answer approved = post(moderated, "/missions/" + missionId + "/review",
                "{\"token\":\"" + tokenOf(review, "/review") + "\",\"decision\":\"APPROVE\"}");
        assertThat(approved.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(call(moderated, "GET", "/missions/" + missionId, null, null, null).body()).doesNotContain(organisation);
        JsonNode proposal = awaitEmail(moderated, proposalOf(freelancer, "Site vitrine accessible"));
        // once matching has run, the organisation hears to how many it went, and its link shows the counts
        JsonNode report = awaitEmail(moderated, e -> to(organisation, "Votre mission").test(e)
                && e.get("subject").asText().contains("a été proposée à"));
        assertThat(call(moderated, "GET", "/missions/" + missionId, null, null, tokenOf(report, "/manage-mission"))
                .json().get("proposedCount").asInt()).isGreaterThanOrEqualTo(1);

        // "I'm interested", twice: the organisation gets the contact once, the freelancer a confirmation
        String interest = "{\"token\":\"" + tokenOf(proposal, "/interest") + "\"}";
        assertThat(post(moderated, "/interests", interest).status()).isEqualTo(202);
        assertThat(post(moderated, "/interests", interest).status()).isEqualTo(202);
        JsonNode contact = awaitEmail(moderated, to(organisation, "Ana Martin est intéressé·e par votre mission"));
        assertThat(contact.get("text").asText()).contains("Ana Martin", freelancer, "Développeuse WordPress",
                "Compétences qu'il ou elle a parmi celles demandées", "Tarif journalier habituel").doesNotContain("300\u00a0€", "minimum de");
        // replying writes to the freelancer, not to the platform's sender
        assertThat(contact.get("headers").get("Reply-To").asText()).endsWith("<" + freelancer + ">");
        awaitEmail(moderated, to(freelancer, "Votre intérêt a été transmis"));

        // one-click unsubscribe as a mail provider does it, from the List-Unsubscribe header
        String oneClick = proposal.get("headers").get("List-Unsubscribe").asText().replaceAll("^<|>$", "");
        HttpResponse<String> unsubscribed = HTTP.send(HttpRequest.newBuilder(URI.create(oneClick))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).isEqualTo(200);

        // a new matching mission: the admins and the organisation hear of it, the freelancer does not
        String second = post(moderated, "/missions", missionJson(organisation, "Boutique en ligne")).json().get("id").asText();
        JsonNode secondReview = awaitEmail(moderated, e -> e.get("subject").asText().startsWith("Mission à relire")
                && e.get("text").asText().contains(second));
        post(moderated, "/missions/" + second + "/review", "{\"token\":\"" + tokenOf(secondReview, "/review") + "\",\"decision\":\"APPROVE\"}");
        Thread.sleep(1500); // several poll cycles of both stream consumers
        assertThat(emails(moderated)).noneMatch(e -> e.get("to").toString().contains(freelancer)
                && e.get("subject").asText().contains("Boutique en ligne"));

        // the export shows what is held; erasure removes it and revokes the token
        Answer me = call(moderated, "GET", "/profiles/me", null, null, access);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("unsubscribed").asBoolean()).isTrue();
        assertThat(me.json().get("proposals").toString()).contains(missionId);
        assertThat(me.json().get("interests").toString()).contains(missionId);
        assertThat(me.json().get("skillsUnderstood").get(0).get("id").asText()).isEqualTo("wordpress");
        assertThat(call(moderated, "DELETE", "/profiles/me", null, null, access).status()).isEqualTo(204);
        assertThat(call(moderated, "GET", "/profiles/me", null, null, access).status()).isEqualTo(401);
        // the address is free again: registering anew brings a second verification email
        assertThat(post(moderated, "/profiles", profileJson(freelancer)).status()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (emails(moderated).stream().filter(to(freelancer, "Confirmez votre adresse")).count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(emails(moderated).stream().filter(to(freelancer, "Confirmez votre adresse"))).hasSize(2);
    }

    @Test
    void bad_input_gets_the_contracts_errors_and_leaves_no_email() throws Exception {
        int before = emails(unmoderated).size();

        Answer invalid = post(unmoderated, "/missions", "{\"title\": \"\", \"skills\": [], \"workMode\": \"ONSITE\"}");
        Answer malformed = post(unmoderated, "/profiles", "{\"email\": ");
        Answer trailing = post(unmoderated, "/profiles", "{\"email\": \"a@example.org\"} {\"consent\": true}");
        Answer wrongType = call(unmoderated, "POST", "/profiles", "text/plain", "hello", null);
        Answer tooBig = post(unmoderated, "/missions", "{\"title\": \"" + "x".repeat(70_000) + "\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsText("field")).contains("title", "skills", "location", "organization");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(trailing.json().get("detail").asText()).isEqualTo(malformed.json().get("detail").asText());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(tooBig.status()).isEqualTo(413);
        Thread.sleep(500);
        // The other tests' emails may still be on their way (matching and sending run on the stream,
        // later under load): what this test holds is that none of these requests sent one. The
        // mission names no organisation to write to; a@example.org is the one address they carry.
        List<JsonNode> all = emails(unmoderated);
        List<JsonNode> since = all.subList(before, all.size());
        assertThat(since).noneMatch(e -> e.get("to").toString().contains("\"a@example.org\""));
    }

    @Test
    void a_simulated_bounce_stops_every_email_to_that_address() throws Exception {
        String freelancer = "bounce-" + UUID.randomUUID() + "@example.org";
        String access = activeProfile(unmoderated, freelancer);

        Answer fed = post(unmoderated, "/_local/ses-feedback", "{\"email\":\"" + freelancer + "\",\"type\":\"Bounce\"}");

        assertThat(fed.status()).isEqualTo(200);
        assertThat(fed.json().get("delivered").asInt()).isEqualTo(1);
        assertThat(call(unmoderated, "GET", "/profiles/me", null, null, access).json().get("unsubscribed").asBoolean()).isTrue();
        String organisation = "asso-" + UUID.randomUUID() + "@example.org";
        post(unmoderated, "/missions", missionJson(organisation, "Après le rebond"));
        awaitEmail(unmoderated, to(organisation, "Nous avons bien reçu"));
        assertThat(post(unmoderated, "/auth/link", "{\"email\":\"" + freelancer + "\"}").status()).isEqualTo(202);
        Thread.sleep(1500);
        assertThat(emails(unmoderated)).noneMatch(e -> e.get("to").toString().contains(freelancer)
                && !e.get("subject").asText().startsWith("Confirmez"));
    }

    @Test
    void a_profile_activated_after_a_mission_gets_it_in_one_digest_email() throws Exception {
        String organisation = "asso-" + UUID.randomUUID() + "@example.org";
        String title = "Boutique solidaire " + UUID.randomUUID().toString().substring(0, 6);
        post(unmoderated, "/missions", missionJson(organisation, title));
        awaitEmail(unmoderated, to(organisation, "Nous avons bien reçu"));
        String freelancer = "late-" + UUID.randomUUID() + "@example.org";

        activeProfile(unmoderated, freelancer);

        JsonNode digest = awaitEmail(unmoderated, e -> to(freelancer, "").test(e) && e.get("subject").asText().contains("pour vous sur Social Declik"));
        assertThat(digest.get("text").asText()).contains(title, "Pourquoi elle vous correspond", "/interest?mission=");
        assertThat(digest.get("headers").get("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void a_poison_stream_record_ends_in_the_failure_destination_without_blocking_the_shard() throws Exception {
        try (var dynamo = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .endpointOverride(Emulator.endpoint()).region(software.amazon.awssdk.regions.Region.EU_WEST_3)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .build()) {
            // an outbox item no notifier can understand: every delivery of it fails
            dynamo.putItem(b -> b.tableName(moderated.tableName()).item(java.util.Map.of(
                    "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OUTBOX#POISON#" + UUID.randomUUID()),
                    "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("A"),
                    "entity", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OUTBOX"),
                    "kind", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NOT_A_KIND"),
                    "state", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PENDING"))));
        }
        String freelancer = "after-poison-" + UUID.randomUUID() + "@example.org";

        assertThat(post(moderated, "/profiles", profileJson(freelancer)).status()).isEqualTo(202);

        awaitEmail(moderated, to(freelancer, "Confirmez votre adresse"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (moderated.failedBatches().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(moderated.failedBatches()).as("records parked in the failure destination").isNotEmpty();
    }
}

package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialdeclik.local.PlatformEndToEndIT.activeProfile;
import static org.socialdeclik.local.PlatformEndToEndIT.call;
import static org.socialdeclik.local.PlatformEndToEndIT.emails;
import static org.socialdeclik.local.PlatformEndToEndIT.missionJson;
import static org.socialdeclik.local.PlatformEndToEndIT.post;
import static org.socialdeclik.local.PlatformEndToEndIT.profileJson;
import static org.socialdeclik.local.PlatformEndToEndIT.proposalOf;
import static org.socialdeclik.local.PlatformEndToEndIT.to;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Never twice, never lost, over HTTP on the stack `make run` starts: the outages of issues 7 and
 * 13 made with {@code POST /_local/faults}, and what the platform does by itself afterwards.
 */
class RecoveryEndToEndIT {

    private static LocalPlatform start(String name, boolean moderation, Map<String, String> overrides) {
        LocalConfig config = LocalConfig.defaults().withPort(0).withEndpoint(Emulator.endpoint())
                .withTemplate(SamTemplate.find(Path.of("")).orElseThrow()).withPollInterval(Duration.ofMillis(100))
                .withTableName(name + "-" + UUID.randomUUID().toString().substring(0, 8)).withModeration(moderation)
                .withVariableOverrides(overrides);
        LocalPlatform platform = LocalPlatform.start(config);
        assertThat(platform.awaitHealthy(Duration.ofSeconds(60))).isTrue();
        return platform;
    }

    private static List<JsonNode> await(LocalPlatform platform, Predicate<List<JsonNode>> done, Duration timeout,
            String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> emails = emails(platform);
        while (!done.test(emails)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
            emails = emails(platform);
        }
        return emails;
    }

    @Test
    void twenty_sign_ups_while_ses_answers_late_get_one_verification_email_each() throws Exception {
        // the sweep may judge a claim after 20 s here (10 min deployed): long enough for the
        // notifier's sends to end, short enough for this test to see it decide from the evidence
        try (LocalPlatform platform = start("slow", true, Map.of("RECOVERY_STALE_CLAIM_SECONDS", "20"))) {
            assertThat(post(platform, "/_local/faults", "{\"service\": \"ses\", \"mode\": \"slow\", \"seconds\": 15}")
                    .status()).isEqualTo(200);
            List<String> people = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                people.add("slow-" + i + "-" + UUID.randomUUID() + "@example.org");
            }
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String person : people) {
                    answers.add(clients.submit(() -> post(platform, "/profiles", profileJson(person)).status()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(202);
                }
            } finally {
                clients.shutdownNow();
            }

            await(platform, emails -> people.stream().allMatch(p -> emails.stream().anyMatch(to(p, "Confirmez"))),
                    Duration.ofMinutes(4), "a verification email for each of the 20");
            Thread.sleep(Duration.ofSeconds(25).toMillis()); // the last sends time out; their claims get old
            assertThat(call(platform, "DELETE", "/_local/faults", null, null, null).status()).isEqualTo(200);
            JsonNode sweep = post(platform, "/_local/schedules/RecoveryFunction/Sweep", "").json();

            assertThat(sweep.get("result").asText()).as("the sweep sends nothing SES had accepted")
                    .startsWith("emails sent 0,");
            List<JsonNode> emails = emails(platform);
            for (String person : people) {
                assertThat(emails.stream().filter(to(person, "Confirmez votre adresse"))).as(person).hasSize(1);
            }
        }
    }

    @Test
    void a_proposal_that_failed_past_the_retries_is_sent_once_when_ses_is_back() throws Exception {
        // MODERATION=off make run, as it starts: no setting changed
        try (LocalPlatform platform = start("outage", false, Map.of())) {
            String freelancer = "outage-" + UUID.randomUUID() + "@example.org";
            activeProfile(platform, freelancer);
            assertThat(post(platform, "/_local/faults", "{\"service\": \"ses\"}").status()).isEqualTo(200);

            String title = "Site de la ressourcerie " + UUID.randomUUID().toString().substring(0, 6);
            String missionId = post(platform, "/missions", missionJson("asso-" + UUID.randomUUID() + "@example.org", title))
                    .json().get("id").asText();
            // three emails were due since SES failed: the organisation's confirmation, the proposal,
            // and the organisation's report of what matching did (issue 10)
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (recordsParkedByNotifier(platform) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(recordsParkedByNotifier(platform)).as("the proposal's record shows in /_local/failures").isEqualTo(3);
            assertThat(emails(platform)).noneMatch(proposalOf(freelancer, title));
            assertThat(call(platform, "DELETE", "/_local/faults", null, null, null).status()).isEqualTo(200);

            List<JsonNode> emails = await(platform, all -> all.stream().anyMatch(proposalOf(freelancer, title)),
                    Duration.ofMinutes(3), "the proposal, within three minutes of SES coming back");
            Thread.sleep(Duration.ofSeconds(5).toMillis());
            emails = emails(platform);

            assertThat(emails.stream().filter(proposalOf(freelancer, title))).as("proposals of the mission").hasSize(1);
            assertThat(emails.stream().filter(e -> e.get("text").asText().contains(missionId)
                    && e.get("to").toString().contains(freelancer))).hasSize(1);
            Map<String, Long> copies = emails.stream().collect(Collectors.groupingBy(
                    e -> e.get("to") + " " + e.get("subject").asText(), Collectors.counting()));
            assertThat(copies).as("no email anywhere sent twice").allSatisfy((email, count) -> assertThat(count).isOne());
            // a message the sweep saw while its work was open is hidden for a while: a later run deletes it
            long accountedBy = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (queuedFailures(platform) > 0 && System.nanoTime() < accountedBy) {
                Thread.sleep(Duration.ofSeconds(10).toMillis());
            }
            assertThat(queuedFailures(platform)).as("the failure queue's messages, accounted for").isZero();
        }
    }

    /** Stream records of the notifier that reached the failure destination (each entry, a batch). */
    private static int recordsParkedByNotifier(LocalPlatform platform) throws Exception {
        int records = 0;
        for (JsonNode failure : call(platform, "GET", "/_local/failures", null, null, null).json()) {
            if (failure.get("function").asText().equals("NotifierFunction")) {
                assertThat(failure.get("source").asText()).contains("/stream/");
                assertThat(failure.get("receivedAt").asText()).isNotBlank();
                records += failure.get("body").get("DDBStreamBatchInfo").get("batchSize").asInt();
            }
        }
        return records;
    }

    /** What is left in the emulator's failure queue once the sweep has run (on demand, as make redrive does). */
    private static int queuedFailures(LocalPlatform platform) throws Exception {
        post(platform, "/_local/schedules/RecoveryFunction/Sweep", "");
        try (SqsClient sqs = SqsClient.builder().endpointOverride(platform.endpoint()).region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String url = sqs.getQueueUrl(b -> b.queueName(platform.tableName() + "-StreamFailureQueue")).queueUrl();
            return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("ApproximateNumberOfMessages",
                    "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings().values().stream()
                    .mapToInt(Integer::parseInt).sum();
        }
    }
}

package org.socialdeclik.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.Links;
import org.socialdeclik.shared.app.NotificationService;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.match.MatchingSummary;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.email.Emails;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.testing.RecordingSender;

/** Sending the outbox through the real SES adapter against the emulator, once per purpose. */
class NotifierHandlerIT {
    static Emulator stack;
    static RecordingSender sender;
    static NotifierHandler handler;
    static NotificationService service;
    static final Messages FR = Messages.forLocale("fr");

    @BeforeAll
    static void start() {
        stack = Emulator.start();
        sender = new RecordingSender(new NotifierWiringForTests(stack).sesSender());
        service = new NotificationService(stack.store().outbox(), stack.store().missions(), stack.store().profiles(),
                stack.store().matches(), stack.store().suppressions(), sender, new Emails(Places.france()), stack.tokens(),
                new Links("http://127.0.0.1:8080", "http://127.0.0.1:3000"), List.of(Emulator.ADMIN), Clock.systemUTC(),
                stack.activity());
        handler = new NotifierHandler(service);
    }

    /** Builds the SES adapter exactly as the function does. */
    record NotifierWiringForTests(Emulator stack) {
        org.socialdeclik.shared.ports.EmailSender sesSender() {
            return new org.socialdeclik.shared.aws.Wiring(org.socialdeclik.shared.config.Env.of(stack.env())).emailSender();
        }
    }

    static Mission mission(String id, MissionStatus status) {
        Mission mission = Requests.mission(id, Bodies.mission(), FR, Clock.systemUTC());
        stack.store().missions().submit(mission, status, Instant.now(), List.of());
        return mission;
    }

    static void proposedPair(String missionId, String profileId, String email) {
        Mission mission = mission(missionId, MissionStatus.PUBLISHED);
        var profile = Requests.profile(profileId, null, Bodies.profile(email), FR, Clock.systemUTC());
        stack.store().profiles().register(profile, "n-" + profileId, Instant.now(),
                new OutboxEntry("VERIFY#" + profileId, OutboxEntry.Kind.VERIFY, Map.of("profileId", profileId)));
        stack.store().profiles().activate(profileId, "n-" + profileId, Instant.now());
        var reasons = new Matcher(Places.france()).evaluate(MissionCard.of(mission), ProfileCard.of(profile),
                java.time.LocalDate.now()).orElseThrow();
        assertThat(stack.store().matches().recordProposal(missionId, profileId, reasons, Instant.now())).isTrue();
    }

    /** The sample event, re-aimed at another outbox item. */
    static DynamodbEvent outboxEvent(String file, String outboxId, Map<String, String> refs) {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/notifier/" + file);
        var image = event.getRecords().get(0).getDynamodb().getNewImage();
        image.put("pk", new AttributeValue().withS("OUTBOX#" + outboxId));
        Map<String, AttributeValue> m = new HashMap<>();
        refs.forEach((k, v) -> m.put(k, new AttributeValue().withS(v)));
        image.put("refs", new AttributeValue().withM(m));
        return event;
    }

    private static List<EmailMessage> sentTo(String address) {
        return sender.sent().stream().filter(e -> e.to().equals(address)).toList();
    }

    static DynamodbEvent outboxEvent(String outboxId, OutboxEntry.Kind kind, Map<String, String> refs) {
        DynamodbEvent event = outboxEvent("proposal.json", outboxId, refs);
        event.getRecords().get(0).getDynamodb().getNewImage().put("kind", new AttributeValue().withS(kind.name()));
        return event;
    }

    @Test
    void the_introduction_gives_the_organisation_the_profile_without_the_minimum_and_reply_to_the_freelancer() {
        proposedPair("m-intro", "p-intro", "intro@example.org");
        assertThat(stack.store().matches().recordInterest("m-intro", "p-intro", Instant.now())).isTrue();
        Map<String, String> refs = Map.of("missionId", "m-intro", "profileId", "p-intro");

        handler.handleRequest(outboxEvent("INTEREST_ORG#m-intro#p-intro", OutboxEntry.Kind.INTEREST_ORGANIZATION, refs), null);
        handler.handleRequest(outboxEvent("INTEREST_ACK#m-intro#p-intro", OutboxEntry.Kind.INTEREST_CONFIRMATION, refs), null);

        EmailMessage intro = sentTo("contact@jardins.example").stream()
                .filter(e -> e.subject().startsWith("Ana Martin est intéressé·e")).findFirst().orElseThrow();
        assertThat(intro.headers()).containsEntry("Reply-To", "\"Ana Martin\" <intro@example.org>");
        assertThat(intro.text()).contains("Dix ans de sites associatifs.", "450\u00a0€ par jour", "français et anglais",
                "à distance, comme la mission").doesNotContain("300\u00a0€");
        EmailMessage ack = sentTo("intro@example.org").stream()
                .filter(e -> e.subject().startsWith("Votre intérêt a été transmis")).findFirst().orElseThrow();
        assertThat(ack.text()).contains("Dix ans de sites associatifs.", "450\u00a0€ par jour", "/me?token=");
    }

    @Test
    void an_admin_gets_the_desk_link_in_the_language_asked_with_an_admin_token_for_that_admin() throws Exception {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/notifier/admin-link.json");
        String id = event.getRecords().get(0).getDynamodb().getKeys().get("pk").getS().substring("OUTBOX#".length());
        stack.store().profiles().enqueue(new OutboxEntry(id, OutboxEntry.Kind.ADMIN_LINK,
                Map.of("admin", OutboxEntry.part(Emulator.ADMIN), "locale", "en")), Instant.now());

        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();

        EmailMessage link = sentTo(Emulator.ADMIN).stream().filter(e -> e.subject().contains("admins' desk"))
                .findFirst().orElseThrow();
        assertThat(link.text()).contains("Hello,", "http://127.0.0.1:8080/admin?token=");
        String token = java.net.URLDecoder.decode(link.text().replaceAll("(?s).*/admin\\?token=([^\\s]+).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        var claims = stack.tokens().verify(token, org.socialdeclik.shared.token.Purpose.ADMIN);
        assertThat(claims.subject()).isEqualTo(OutboxEntry.part(Emulator.ADMIN));
        assertThat(claims.expiresAt()).isBefore(Instant.now().plus(java.time.Duration.ofHours(3)));
    }

    @Test
    void the_matching_report_counts_the_proposals_when_it_is_sent() {
        proposedPair("m-report", "p-report", "report@example.org");
        Map<String, String> refs = new HashMap<>(new MatchingSummary(1, 0, List.of(), 0, 0, null, 0, 0).toRefs());
        refs.put("missionId", "m-report");
        stack.store().profiles().enqueue(new OutboxEntry("REPORT#m-report", OutboxEntry.Kind.MATCHING_REPORT, refs), Instant.now());

        handler.handleRequest(outboxEvent("REPORT#m-report", OutboxEntry.Kind.MATCHING_REPORT, refs), null);

        assertThat(sentTo("contact@jardins.example")).anySatisfy(e -> {
            assertThat(e.subject()).endsWith("a été proposée à 1 freelance");
            assertThat(e.text()).contains("/manage-mission?mission=m-report&token=");
        });
    }

    @Test
    void a_proposal_is_emailed_once_in_french_with_reasons_and_one_click_unsubscribe() {
        proposedPair("m-demo-1", "p-demo-1", "ana.martin@example.org");
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/notifier/proposal.json");

        StreamsEventResponse first = handler.handleRequest(event, null);
        StreamsEventResponse replay = handler.handleRequest(event, null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(replay.getBatchItemFailures()).isEmpty();
        List<EmailMessage> sent = sentTo("ana.martin@example.org");
        assertThat(sent).hasSize(1);
        EmailMessage email = sent.get(0);
        assertThat(email.subject()).startsWith("Une mission pour vous");
        assertThat(email.text()).contains("Compétences en commun\u00a0: WordPress", "Lieu\u00a0: à distance",
                "http://127.0.0.1:8080/interest?mission=m-demo-1&token=", "http://127.0.0.1:8080/unsubscribe?token=");
        assertThat(email.html()).contains("/interest?mission=m-demo-1&amp;token=").contains("Pourquoi elle vous correspond");
        assertThat(email.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(email.headers().get("List-Unsubscribe")).startsWith("<http://127.0.0.1:3000/unsubscribe?token=");
    }

    @Test
    void a_failed_send_is_reported_for_retry_and_the_retry_sends_it_once() {
        proposedPair("m-retry", "p-retry", "retry@example.org");
        DynamodbEvent event = outboxEvent("proposal.json", "PROPOSAL#m-retry#p-retry",
                Map.of("missionId", "m-retry", "profileId", "p-retry"));
        sender.failNext(1);

        StreamsEventResponse failed = handler.handleRequest(event, null);
        StreamsEventResponse retried = handler.handleRequest(event, null);

        assertThat(failed.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(0).getDynamodb().getSequenceNumber());
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(sentTo("retry@example.org")).hasSize(1);
    }

    @Test
    void a_new_mission_confirms_to_the_organisation_and_asks_the_admins_to_review() {
        mission("m-review", MissionStatus.PENDING_REVIEW);
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/notifier/mission-confirmation-and-review.json");
        for (var record : event.getRecords()) {
            var image = record.getDynamodb().getNewImage();
            String kind = image.get("kind").getS().equals("MISSION_REVIEW") ? "REVIEW#" : "CONFIRM#";
            image.put("pk", new AttributeValue().withS("OUTBOX#" + kind + "m-review"));
            image.put("refs", new AttributeValue().withM(Map.of("missionId", new AttributeValue().withS("m-review"))));
        }
        stack.store().profiles().enqueue(new OutboxEntry("CONFIRM#m-review", OutboxEntry.Kind.MISSION_CONFIRMATION, Map.of("missionId", "m-review")), Instant.now());
        stack.store().profiles().enqueue(new OutboxEntry("REVIEW#m-review", OutboxEntry.Kind.MISSION_REVIEW, Map.of("missionId", "m-review")), Instant.now());

        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();

        assertThat(sentTo("contact@jardins.example")).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("/manage-mission?mission=m-review&token="));
        assertThat(sentTo(Emulator.ADMIN)).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("/review?mission=m-review&token=", "contact@jardins.example"));
    }

    @Test
    void nothing_is_sent_for_an_outbox_item_nobody_recorded() {
        DynamodbEvent event = outboxEvent("proposal.json", "PROPOSAL#m-ghost#p-ghost",
                Map.of("missionId", "m-ghost", "profileId", "p-ghost"));
        int before = sender.sent().size();

        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();

        assertThat(sender.sent()).hasSize(before);
    }

    /** One stream batch of three proposal outbox items for three fresh pairs. */
    private static DynamodbEvent batchOfThree(String tag) {
        DynamodbEvent batch = new DynamodbEvent();
        List<DynamodbEvent.DynamodbStreamRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String missionId = "m-" + tag + i;
            String profileId = "p-" + tag + i;
            proposedPair(missionId, profileId, tag + i + "@example.org");
            DynamodbEvent one = outboxEvent("proposal.json", "PROPOSAL#" + missionId + "#" + profileId,
                    Map.of("missionId", missionId, "profileId", profileId));
            var record = one.getRecords().get(0);
            record.getDynamodb().setSequenceNumber("3000000000000000000" + tag.length() + i);
            records.add(record);
        }
        batch.setRecords(records);
        return batch;
    }

    @Test
    void ses_refusing_one_send_of_a_batch_reports_that_record_and_the_retry_sends_each_email_once() {
        DynamodbEvent batch = batchOfThree("mid");
        DynamodbEvent firstOnly = new DynamodbEvent();
        firstOnly.setRecords(batch.getRecords().subList(0, 1));
        var first = handler.handleRequest(firstOnly, null);
        // then the whole batch is delivered: the first is already sent; of the two others, sent at
        // the same time, one is refused (SES still throttling after the SDK's own retries)
        sender.failNext(1);
        var failed = handler.handleRequest(batch, null);
        var retried = handler.handleRequest(batch, null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(failed.getBatchItemFailures()).singleElement()
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .isIn(batch.getRecords().get(1).getDynamodb().getSequenceNumber(),
                        batch.getRecords().get(2).getDynamodb().getSequenceNumber());
        assertThat(retried.getBatchItemFailures()).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(sentTo("mid" + i + "@example.org")).as("emails to pair " + i).hasSize(1);
        }
    }

    @Test
    void a_consumer_killed_between_send_and_record_does_not_send_again_on_redelivery() {
        DynamodbEvent batch = batchOfThree("kill");
        sender.crashAfter(2);

        try {
            handler.handleRequest(batch, null);
            throw new AssertionError("the simulated crash did not happen");
        } catch (RecordingSender.Crash expected) {
            // Lambda sees the invocation die and delivers the whole batch again
        }
        var redelivered = handler.handleRequest(batch, null);

        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(sentTo("kill" + i + "@example.org")).as("emails to pair " + i).hasSize(1);
        }
    }

    @Test
    void the_priming_rehearsal_renders_a_verification_email_with_a_working_token_and_sends_nothing() {
        int sent = sender.sent().size();
        int items = stack.items().size();

        EmailMessage message = service.rehearse(org.socialdeclik.shared.warmup.Priming.sampleProfile());

        assertThat(message.to()).isEqualTo("priming@invalid.example");
        String token = message.text().replaceAll("(?s).*/verify\\?token=([A-Za-z0-9_.~-]+).*", "$1");
        assertThat(stack.tokens().verify(token, org.socialdeclik.shared.token.Purpose.VERIFY).subject()).isEqualTo("priming");
        assertThat(sender.sent()).hasSize(sent);
        assertThat(stack.items()).hasSize(items);
    }
}

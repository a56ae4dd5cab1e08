package org.socialdeclik.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.Links;
import org.socialdeclik.shared.app.NotificationService;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.email.Emails;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.testing.RecordingSender;

/** Bounces and complaints from the SES configuration set stop all email to that address. */
class EmailFeedbackHandlerIT {
    Emulator stack;

    @BeforeEach
    void activeProfileOfTheSampleAddress() {
        stack = Emulator.start();
        var profile = Requests.profile("p-fb", null, Bodies.profile("ana.martin@example.org"), Messages.forLocale("fr"), Clock.systemUTC());
        stack.store().profiles().register(profile, "n", Instant.now(), new OutboxEntry("VERIFY#p-fb", OutboxEntry.Kind.VERIFY, Map.of("profileId", "p-fb")));
        stack.store().profiles().activate("p-fb", "n", Instant.now());
    }

    private void assertNoMoreEmailTo(String address) {
        RecordingSender sender = new RecordingSender(new org.socialdeclik.shared.aws.Wiring(
                org.socialdeclik.shared.config.Env.of(stack.env())).emailSender());
        NotificationService notifier = new NotificationService(stack.store().outbox(), stack.store().missions(), stack.store().profiles(),
                stack.store().matches(), stack.store().suppressions(), sender, new Emails(Places.france()), stack.tokens(),
                new Links("http://127.0.0.1:8080", "http://127.0.0.1:3000"), List.of(), Clock.systemUTC(),
                stack.activity());
        stack.store().profiles().enqueue(new OutboxEntry("SIGNIN#p-fb#1", OutboxEntry.Kind.SIGN_IN, Map.of("profileId", "p-fb")), Instant.now());

        notifier.deliver(new OutboxEntry("SIGNIN#p-fb#1", OutboxEntry.Kind.SIGN_IN, Map.of("profileId", "p-fb")));

        assertThat(sender.sent()).noneMatch(e -> e.to().equals(address));
    }

    @ParameterizedTest
    @Event(value = "events/feedback/permanent-bounce.json", type = SNSEvent.class)
    void a_permanent_bounce_suppresses_the_address_and_unsubscribes_its_profile(SNSEvent event) {
        String answer = new EmailFeedbackHandler(stack.env()).handleRequest(event, null);

        assertThat(answer).isEqualTo("suppressed 1");
        assertThat(stack.store().suppressions().suppressed("Ana.Martin@example.org")).isTrue();
        assertThat(stack.store().profiles().findProfile("p-fb").orElseThrow().unsubscribed()).isTrue();
        assertThat(stack.store().profiles().activeProfilesWithSkill("wordpress")).noneMatch(c -> c.id().equals("p-fb"));
        assertNoMoreEmailTo("ana.martin@example.org");
    }

    @ParameterizedTest
    @Event(value = "events/feedback/complaint.json", type = SNSEvent.class)
    void a_complaint_does_the_same(SNSEvent event) {
        new EmailFeedbackHandler(stack.env()).handleRequest(event, null);

        assertThat(stack.store().suppressions().suppressed("ana.martin@example.org")).isTrue();
        assertNoMoreEmailTo("ana.martin@example.org");
    }

    @ParameterizedTest
    @Event(value = "events/feedback/permanent-bounce.json", type = SNSEvent.class)
    void a_transient_bounce_or_a_foreign_message_changes_nothing(SNSEvent event) {
        String message = event.getRecords().get(0).getSNS().getMessage().replace("Permanent", "Transient");
        event.getRecords().get(0).getSNS().setMessage(message);
        SNSEvent junk = new SNSEvent();
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
        SNSEvent.SNS sns = new SNSEvent.SNS();
        sns.setMessage("not json at all");
        record.setSns(sns);
        junk.setRecords(List.of(record));

        assertThat(new EmailFeedbackHandler(stack.env()).handleRequest(event, null)).isEqualTo("suppressed 0");
        assertThat(new EmailFeedbackHandler(stack.env()).handleRequest(junk, null)).isEqualTo("suppressed 0");
        assertThat(stack.store().suppressions().suppressed("ana.martin@example.org")).isFalse();
        assertThat(stack.store().profiles().findProfile("p-fb").orElseThrow().unsubscribed()).isFalse();
    }

    @ParameterizedTest
    @Event(value = "events/feedback/send.json", type = SNSEvent.class)
    void a_send_event_records_that_ses_accepted_the_part_its_tags_name_and_suppresses_nothing(SNSEvent event) {
        var outbox = stack.store().outbox();
        assertThat(outbox.delivery("VERIFY#p-fb").orElseThrow().accepted()).isEmpty();

        String answer = new EmailFeedbackHandler(stack.env()).handleRequest(event, null);

        assertThat(answer).isEqualTo("suppressed 0");
        assertThat(outbox.delivery("VERIFY#p-fb").orElseThrow().accepted())
                .containsExactly(OutboxEntry.part("ana.martin@example.org"));
        assertThat(stack.store().suppressions().suppressed("ana.martin@example.org")).isFalse();
    }
}

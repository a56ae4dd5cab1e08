package org.socialdeclik.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialdeclik.feedback.EmailFeedbackHandler;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.Links;
import org.socialdeclik.shared.app.NotificationService;
import org.socialdeclik.shared.aws.SesEmailSender;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.email.Emails;
import org.socialdeclik.shared.ports.EmailSender;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.OutboxRepository;
import org.socialdeclik.shared.ports.WorkLedger;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.testing.RecordingSender;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A send whose outcome the notifier cannot know is never repeated blindly: SES's send event (the
 * message's tags name the outbox item and part) is the evidence that it went out; a claim that
 * old with no such evidence is sent again, once.
 */
class DeliveryEvidenceIT {
    Emulator stack;
    RecordingSender ses;
    AnswerLost sender;
    NotificationService service;
    OutboxRepository outbox;
    static final OutboxEntry VERIFY = new OutboxEntry("VERIFY#p-ev", OutboxEntry.Kind.VERIFY, Map.of("profileId", "p-ev"));

    /** SES takes the message (the recording sender passes it on), then the answer is lost on the way back. */
    static final class AnswerLost implements EmailSender {
        private final EmailSender ses;
        volatile boolean loseAnswers = true;
        String lastMessageId;

        AnswerLost(EmailSender ses) {
            this.ses = ses;
        }

        @Override
        public String send(EmailMessage message, Tag tag) {
            lastMessageId = ses.send(message, tag);
            if (loseAnswers) {
                throw SdkClientException.create("Unable to execute HTTP request: Read timed out");
            }
            return lastMessageId;
        }
    }

    @BeforeEach
    void pendingProfileWithItsVerificationEmail() {
        stack = Emulator.start();
        ses = new RecordingSender(new Wiring(Env.of(stack.env())).emailSender());
        sender = new AnswerLost(ses);
        outbox = stack.store().outbox();
        service = new NotificationService(outbox, stack.store().missions(), stack.store().profiles(), stack.store().matches(),
                stack.store().suppressions(), sender,
                new Emails(Places.france()), stack.tokens(), new Links("http://127.0.0.1:8080", "http://127.0.0.1:3000"),
                List.of(), Clock.systemUTC(), stack.activity());
        var profile = Requests.profile("p-ev", null, Bodies.profile("ana.martin@example.org"), Messages.forLocale("fr"),
                Clock.systemUTC());
        stack.store().profiles().register(profile, "nonce-ev", Instant.now(), VERIFY);
    }

    private List<WorkLedger.Work> openEmails() {
        return stack.store().ledger().openWork(Instant.now(), Duration.ofDays(2), 100).stream()
                .filter(w -> w.kind() == WorkLedger.Kind.OUTBOX && w.id().equals(VERIFY.id())).toList();
    }

    /** The SNS message SES publishes for the accepted message, with the tags the sender set. */
    private SNSEvent sendEvent() {
        var tags = Json.object();
        tags.putArray("ses:configuration-set").add("socialdeclik-EmailConfigurationSet");
        tags.putArray(SesEmailSender.OUTBOX_TAG).add(SesEmailSender.tagValue(VERIFY.id()));
        tags.putArray(SesEmailSender.PART_TAG).add(OutboxEntry.part("ana.martin@example.org"));
        var event = Json.object();
        event.put("eventType", "Send");
        var mail = event.putObject("mail");
        mail.put("timestamp", Instant.now().toString());
        mail.put("messageId", sender.lastMessageId);
        mail.putArray("destination").add("ana.martin@example.org");
        mail.set("tags", tags);
        event.putObject("send");
        SNSEvent.SNS sns = new SNSEvent.SNS().withMessage(Json.write(event));
        return new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(sns)));
    }

    @Test
    void a_lost_answer_keeps_the_claim_and_a_redelivery_sends_nothing() {
        NotificationService.Outcome first = service.deliver(VERIFY);
        NotificationService.Outcome again = service.deliver(VERIFY);

        assertThat(first).isEqualTo(NotificationService.Outcome.UNCONFIRMED);
        assertThat(again).isEqualTo(NotificationService.Outcome.TAKEN);
        assertThat(ses.sent()).hasSize(1);
        assertThat(outbox.delivery(VERIFY.id()).orElseThrow().state()).isEqualTo(OutboxRepository.State.SENDING);
        assertThat(openEmails()).as("still open work for the sweep").hasSize(1);
    }

    @Test
    void the_send_event_is_the_evidence_and_the_sweep_then_sends_nothing() {
        service.deliver(VERIFY);

        new EmailFeedbackHandler(stack.env()).handleRequest(sendEvent(), null);
        NotificationService.Outcome swept = service.deliverLate(VERIFY.id(), Duration.ZERO);

        assertThat(outbox.delivery(VERIFY.id()).orElseThrow().accepted())
                .containsExactly(OutboxEntry.part("ana.martin@example.org"));
        assertThat(swept).isEqualTo(NotificationService.Outcome.CONFIRMED);
        assertThat(ses.sent()).as("no second copy").hasSize(1);
        assertThat(outbox.delivery(VERIFY.id()).orElseThrow().state()).isEqualTo(OutboxRepository.State.SENT);
        assertThat(openEmails()).isEmpty();
    }

    @Test
    void without_evidence_a_young_claim_waits_and_an_old_one_is_sent_again_once() {
        // a process claimed the email and died before asking SES: nothing was sent, nothing will say so
        sender.loseAnswers = false;
        outbox.claim(VERIFY.id(), Instant.now());

        NotificationService.Outcome young = service.deliverLate(VERIFY.id(), Duration.ofMinutes(10));
        NotificationService.Outcome old = service.deliverLate(VERIFY.id(), Duration.ZERO);
        NotificationService.Outcome after = service.deliverLate(VERIFY.id(), Duration.ZERO);

        assertThat(young).isEqualTo(NotificationService.Outcome.NOT_DUE);
        assertThat(old).isEqualTo(NotificationService.Outcome.SENT);
        assertThat(after).isEqualTo(NotificationService.Outcome.DONE);
        assertThat(ses.sent()).hasSize(1);
        assertThat(openEmails()).isEmpty();
    }

    @Test
    void a_refusal_gives_the_claim_back_and_the_sweep_sends_it_once_ses_is_back() {
        sender.loseAnswers = false;
        ses.failNext(1);

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> service.deliver(VERIFY));
        NotificationService.Outcome swept = service.deliverLate(VERIFY.id(), Duration.ofMinutes(10));

        assertThat(refused).isInstanceOf(EmailSender.NotAccepted.class);
        assertThat(swept).isEqualTo(NotificationService.Outcome.SENT);
        assertThat(ses.sent()).hasSize(1);
    }
}

package org.socialdeclik.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.Links;
import org.socialdeclik.shared.app.NotificationService;
import org.socialdeclik.shared.app.RecoveryService;
import org.socialdeclik.shared.aws.LedgerTable;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.email.Emails;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.WorkLedger;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.testing.RecordingSender;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The sweep against the emulator: work the stream consumers never did (their records parked in
 * the failure queue, or lost) is found from the table's work ledger and done once; the failure
 * queue's messages are deleted once the work they stood for is done, and kept while it is not.
 */
class RecoveryHandlerIT {
    static final Messages FR = Messages.forLocale("fr");
    Emulator stack;
    RecordingSender ses;
    SqsClient sqs;
    String queueUrl;
    RecoveryService sweep;

    @BeforeEach
    void start() {
        stack = Emulator.start();
        Wiring wiring = new Wiring(Env.of(stack.env()));
        ses = new RecordingSender(wiring.emailSender());
        sqs = wiring.clients().build(SqsClient.builder());
        queueUrl = sqs.createQueue(b -> b.queueName("failures-" + UUID.randomUUID())).queueUrl();
        NotificationService notifier = new NotificationService(stack.store().outbox(), stack.store().missions(), stack.store().profiles(),
                stack.store().matches(), stack.store().suppressions(), ses, new Emails(Places.france()), stack.tokens(),
                new Links("http://127.0.0.1:8080", "http://127.0.0.1:3000"), List.of(Emulator.ADMIN), Clock.systemUTC(),
                stack.activity());
        // everything already recorded is due: no wait for the stream consumers in these tests
        sweep = new RecoveryService(stack.store().ledger(), notifier, wiring.matching(stack.store()), stack.store().missions(),
                stack.store().profiles(), new SqsFailureQueue(sqs, queueUrl, 1), Clock.systemUTC(),
                new RecoveryService.Settings(Duration.ZERO, Duration.ofMinutes(10), LedgerTable.RETENTION, 500));
    }

    @AfterEach
    void stop() {
        sqs.close();
    }

    private List<EmailMessage> sentTo(String address) {
        return ses.sent().stream().filter(e -> e.to().equals(address)).toList();
    }

    private List<WorkLedger.Work> open() {
        return stack.store().ledger().openWork(Instant.now(), Duration.ofDays(2), 100);
    }

    private void activeProfile(String id, String email) {
        var profile = Requests.profile(id, null, Bodies.profile(email), FR, Clock.systemUTC());
        stack.store().profiles().register(profile, "n-" + id, Instant.now(),
                new OutboxEntry("VERIFY#" + id, OutboxEntry.Kind.VERIFY, Map.of("profileId", id)));
        stack.store().profiles().activate(id, "n-" + id, Instant.now());
    }

    /** A message as Lambda writes it to the on-failure destination for a stream batch. */
    private void parkFailure(Instant lastArrival) {
        var body = Json.object();
        body.putObject("requestContext").put("functionArn", "arn:aws:lambda:eu-west-3:123456789012:function:notifier");
        var batch = body.putObject("DDBStreamBatchInfo");
        batch.put("batchSize", 1);
        batch.put("approximateArrivalOfLastRecord", lastArrival.toString());
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(body)));
    }

    /** Messages in the queue, visible or not. */
    private int queued() {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings()
                .values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Test
    void an_email_the_stream_never_delivered_is_sent_once() {
        String id = "SIGNIN#p-lost#1";
        activeProfile("p-lost", "lost@example.org");
        stack.store().profiles().enqueue(new OutboxEntry(id, OutboxEntry.Kind.SIGN_IN, Map.of("profileId", "p-lost")), Instant.now());

        RecoveryService.Report first = sweep.sweep(() -> true);
        RecoveryService.Report second = sweep.sweep(() -> true);

        assertThat(sentTo("lost@example.org")).hasSize(1);
        assertThat(first.emailsSent()).isEqualTo(1);
        assertThat(second.emailsSent()).isZero();
        assertThat(open()).isEmpty();
    }

    @Test
    void a_mission_published_but_never_matched_is_matched_and_its_proposal_sent_once() {
        activeProfile("p-fit", "fit@example.org");
        Mission mission = Requests.mission("m-late", Bodies.mission(), FR, Clock.systemUTC());
        stack.store().missions().submit(mission, MissionStatus.PUBLISHED, Instant.now(), List.of());

        RecoveryService.Report matched = sweep.sweep(() -> true);
        RecoveryService.Report sent = sweep.sweep(() -> true);
        sweep.sweep(() -> true);

        assertThat(matched.missionsMatched()).isEqualTo(1);
        assertThat(stack.store().matches().reasons("m-late", "p-fit")).isPresent();
        // the proposal, and the organisation's report of what matching did (issue 10)
        assertThat(sent.emailsSent()).isEqualTo(2);
        // one email proposes it: the mission alone, or with the profile's own first matches
        assertThat(sentTo("fit@example.org").stream().filter(e -> e.subject().contains("pour vous")
                && e.text().contains(mission.title()))).hasSize(1);
        assertThat(sentTo(mission.organization().email()).stream()
                .filter(e -> e.subject().contains("a été proposée à 1 freelance"))).hasSize(1);
        assertThat(open()).isEmpty();
    }

    @Test
    void a_profile_activated_but_never_matched_gets_its_open_missions_once() {
        Mission mission = Requests.mission("m-open", Bodies.mission(), FR, Clock.systemUTC());
        stack.store().missions().submit(mission, MissionStatus.PUBLISHED, Instant.now(), List.of());
        sweep.sweep(() -> true); // the mission's own matching: nobody yet
        activeProfile("p-new", "new@example.org");

        RecoveryService.Report matched = sweep.sweep(() -> true);
        sweep.sweep(() -> true);
        sweep.sweep(() -> true);

        assertThat(matched.profilesMatched()).isEqualTo(1);
        assertThat(stack.store().matches().reasons("m-open", "p-new")).isPresent();
        assertThat(sentTo("new@example.org").stream().filter(e -> e.text().contains(mission.title()))).hasSize(1);
        assertThat(open()).isEmpty();
    }

    @Test
    void failure_messages_are_kept_while_their_work_is_open_and_deleted_once_it_is_done() throws InterruptedException {
        activeProfile("p-q", "q@example.org");
        String id = "SIGNIN#p-q#1";
        stack.store().profiles().enqueue(new OutboxEntry(id, OutboxEntry.Kind.SIGN_IN, Map.of("profileId", "p-q")), Instant.now());
        parkFailure(Instant.now());
        ses.failNext(1); // SES is still refusing when the sweep comes

        RecoveryService.Report refused = sweep.sweep(() -> true);
        int stillQueued = queued();
        Thread.sleep(1500); // the kept message is visible again (hidden 1 s here, 30 s deployed)
        RecoveryService.Report recovered = sweep.sweep(() -> true);

        assertThat(refused.sesRefusing()).isTrue();
        assertThat(refused.failuresOpen()).isEqualTo(1);
        assertThat(stillQueued).isEqualTo(1);
        assertThat(recovered.emailsSent()).isEqualTo(1); // the sign-in link (the verification has nothing to say now)
        assertThat(recovered.failuresAccounted()).isEqualTo(1);
        assertThat(queued()).isZero();
        assertThat(sentTo("q@example.org")).hasSize(1);
    }

    @Test
    void the_handler_built_from_its_environment_sweeps_and_reports() {
        activeProfile("p-env", "env@example.org");
        stack.store().profiles().enqueue(new OutboxEntry("SIGNIN#p-env#1", OutboxEntry.Kind.SIGN_IN, Map.of("profileId", "p-env")),
                Instant.now().minus(Duration.ofMinutes(5)));
        RecoveryHandler handler = new RecoveryHandler(stack.env("FAILURE_QUEUE_URL", queueUrl));

        String report = handler.handleRequest((com.amazonaws.services.lambda.runtime.events.ScheduledEvent) null, null);

        assertThat(report).startsWith("emails sent ").contains("failure-queue messages accounted for 0");
        assertThat(stack.store().outbox().delivery("SIGNIN#p-env#1").orElseThrow().state())
                .isEqualTo(org.socialdeclik.shared.ports.OutboxRepository.State.SENT);
    }
}

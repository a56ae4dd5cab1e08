package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.ports.EmailSender;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Issue 13's doubled verification emails, reproduced, and what closes them: SES (the emulator
 * behind {@link LocalSes} in slow mode) accepts the message at once and answers 12 s later, after
 * the SES client's 10 s socket timeout. What SES accepted is counted where SES is, not where the
 * sender heard back.
 */
class SlowSesIT {
    private static final String SENDER = "slow-ses@socialdeclik.example";
    private static final int SLOW_SECONDS = 12;
    private static LocalAws aws;
    private static LocalSes ses;
    private static Outbox accepted;

    @BeforeAll
    static void start() {
        aws = new LocalAws(Emulator.endpoint(), LocalConfig.DEFAULT_REGION);
        assertThat(aws.verifyEmailIdentity(SENDER)).isTrue();
        accepted = new Outbox();
        ses = new LocalSes(Emulator.endpoint(), accepted, new LocalTopics(LocalConfig.DEFAULT_REGION, LocalPlatform.ACCOUNT_ID));
        ses.fault(new LocalSes.Fault(LocalSes.Fault.Mode.SLOW, SLOW_SECONDS));
    }

    @AfterAll
    static void stop() {
        if (ses != null) {
            ses.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    private static long acceptedFor(String to) {
        return accepted.emails().stream().filter(e -> e.to().contains(to)).count();
    }

    /** After the slow answer, the emulator has nothing more coming: wait it out before counting. */
    private static void quiet() throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(SLOW_SECONDS + 2).toMillis());
    }

    @Test
    void the_former_client_sends_twice_when_ses_answers_after_the_socket_timeout() throws Exception {
        String to = "former-" + UUID.randomUUID() + "@example.org";
        // the SES client as it was: the SDK's standard retries (6 attempts, I/O errors retried),
        // a 10 s socket timeout, a 20 s call timeout
        try (SesV2Client former = SesV2Client.builder().endpointOverride(ses.endpoint()).region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(20))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(6).build()))
                .build()) {
            Throwable failure = catchThrowable(() -> former.sendEmail(b -> b.fromEmailAddress(SENDER)
                    .destination(d -> d.toAddresses(to))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("Confirmez votre adresse"))
                            .body(body -> body.text(t -> t.data("Lien de confirmation")))))));

            assertThat(failure).as("the caller hears of no success").isNotNull();
        }
        quiet();
        assertThat(acceptedFor(to)).as("messages SES accepted for one send").isEqualTo(2);
    }

    @Test
    void the_platform_sender_sends_once_and_reports_an_unknown_outcome() throws Exception {
        String to = "now-" + UUID.randomUUID() + "@example.org";
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", Emulator.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());
        env.put("AWS_REGION", LocalConfig.DEFAULT_REGION);
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("SENDER_EMAIL", SENDER);
        EmailSender sender = new Wiring(Env.of(env)).emailSender();
        EmailMessage message = new EmailMessage(to, "Confirmez votre adresse", "Lien de confirmation", "<p>Lien</p>", Map.of());

        Throwable failure = catchThrowable(() -> sender.send(message, new EmailSender.Tag("VERIFY#p-slow", "0123456789abcdef")));

        assertThat(failure).as("a timeout is an unknown outcome, not a refusal").isNotNull()
                .isNotInstanceOf(EmailSender.NotAccepted.class);
        quiet();
        assertThat(acceptedFor(to)).as("messages SES accepted for one send").isEqualTo(1);
    }

    @Test
    void a_refusing_ses_is_a_refusal_and_nothing_is_accepted() {
        String to = "refused-" + UUID.randomUUID() + "@example.org";
        LocalSes.Fault slow = ses.fault();
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", Emulator.endpoint().toString(),
                "AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString(), "AWS_REGION", LocalConfig.DEFAULT_REGION,
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "SENDER_EMAIL", SENDER);
        EmailSender sender = new Wiring(Env.of(env)).emailSender();
        ses.fault(new LocalSes.Fault(LocalSes.Fault.Mode.FAIL, 0));
        try {
            assertThatThrownBy(() -> sender.send(new EmailMessage(to, "Sujet", "Texte", "<p>Texte</p>", Map.of()),
                    new EmailSender.Tag("VERIFY#p-refused", "0123456789abcdef")))
                    .isInstanceOfSatisfying(EmailSender.NotAccepted.class, e -> assertThat(e.wholeAccount()).isTrue());
        } finally {
            ses.fault(slow);
        }
        assertThat(acceptedFor(to)).isZero();
    }
}

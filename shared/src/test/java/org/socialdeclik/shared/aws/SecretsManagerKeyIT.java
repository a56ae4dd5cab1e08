package org.socialdeclik.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.config.Env;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * The signing key read through the real SDK client from a loopback endpoint that answers as
 * Secrets Manager does while IAM has not yet caught up with a new role: AccessDeniedException a
 * few times, then the secret. The waits are recorded, not slept.
 */
class SecretsManagerKeyIT {
    private static final String ARN = "arn:aws:secretsmanager:eu-west-3:123456789012:secret:signing-key-AbCdEf";
    private static final String KEY = "k".repeat(64);

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int denials;
    private volatile String errorType = "AccessDeniedException";
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = requests.incrementAndGet();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            boolean deny = n <= denials;
            String body = deny
                    ? "{\"__type\":\"" + errorType + "\",\"Message\":\"not authorized to perform: secretsmanager:GetSecretValue\"}"
                    : "{\"ARN\":\"" + ARN + "\",\"Name\":\"signing-key\",\"SecretString\":\"" + KEY + "\",\"VersionId\":\"v1\"}";
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                body = "{\"__type\":\"UnknownOperationException\"}";
                deny = true;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(deny ? 400 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SecretsManagerClient client() {
        return new AwsClients(Env.of(Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                "AWS_REGION", "eu-west-3", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test")))
                .secretsManager();
    }

    private byte[] read() {
        try (SecretsManagerClient client = client()) {
            return SecretsManagerKey.read(client, ARN, SecretsManagerKey.RETRY_DELAYS, waits::add);
        }
    }

    @Test
    void a_denial_while_the_role_is_new_is_retried_with_growing_waits_until_the_key_is_read() {
        denials = 3;

        byte[] key = read();

        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo(KEY);
        assertThat(requests.get()).isEqualTo(4);
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void a_first_answer_is_read_without_waiting() {
        denials = 0;

        assertThat(read()).hasSize(64);
        assertThat(requests.get()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void a_denial_that_outlasts_every_wait_fails_the_init_after_a_bounded_time() {
        denials = Integer.MAX_VALUE;

        assertThatThrownBy(this::read)
                .isInstanceOf(SecretsManagerException.class)
                .satisfies(e -> assertThat(((SecretsManagerException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AccessDeniedException"));
        assertThat(requests.get()).isEqualTo(SecretsManagerKey.RETRY_DELAYS.size() + 1);
        assertThat(waits).isEqualTo(SecretsManagerKey.RETRY_DELAYS);
        assertThat(waits.stream().mapToLong(Duration::toMillis).sum()).isBetween(20_000L, 40_000L);
    }

    @Test
    void any_other_error_fails_at_once() {
        denials = 1;
        errorType = "ResourceNotFoundException";

        assertThatThrownBy(this::read).isInstanceOf(ResourceNotFoundException.class);
        assertThat(requests.get()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }
}

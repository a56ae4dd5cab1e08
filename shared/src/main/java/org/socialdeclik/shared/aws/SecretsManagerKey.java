package org.socialdeclik.shared.aws;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads the token-signing key from Secrets Manager (generated there, never in the template).
 *
 * <p>Every init reads it, and with SnapStart the first init runs when CloudFormation publishes the
 * version, seconds after it created the function's role: IAM may not yet let the role read the
 * secret (IAM changes are eventually consistent). An {@code AccessDeniedException} is therefore
 * retried with a doubling delay, {@link #RETRY_DELAYS} (about 32 s in all), before the init
 * fails; any other error fails at once. A denial that outlasts the delays is a real one.
 */
public final class SecretsManagerKey {
    /** The waits between attempts after a denial: nine attempts over about 32 seconds. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
            Duration.ofSeconds(8), Duration.ofSeconds(8));

    private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerKey.class);

    /** How the retry waits; tests record the waits instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private SecretsManagerKey() {}

    public static byte[] read(SecretsManagerClient client, String secretArn) {
        return read(client, secretArn, RETRY_DELAYS, d -> Thread.sleep(d.toMillis()));
    }

    static byte[] read(SecretsManagerClient client, String secretArn, List<Duration> delays, Sleeper sleeper) {
        String value = fetch(client, secretArn, delays, sleeper);
        if (value == null || value.length() < 32) {
            throw new IllegalStateException("the signing key secret is missing or shorter than 32 characters");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String fetch(SecretsManagerClient client, String secretArn, List<Duration> delays, Sleeper sleeper) {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.getSecretValue(b -> b.secretId(secretArn)).secretString();
            } catch (SecretsManagerException e) {
                if (!accessDenied(e) || attempt >= delays.size()) {
                    throw e;
                }
                Duration delay = delays.get(attempt);
                LOG.warn("the signing key secret is not readable yet (attempt {} of {}), retrying in {} ms: "
                        + "the function's role may be new and IAM not yet consistent", attempt + 1, delays.size() + 1,
                        delay.toMillis());
                sleep(sleeper, delay, e);
            }
        }
    }

    private static boolean accessDenied(SecretsManagerException e) {
        return e.awsErrorDetails() != null && "AccessDeniedException".equals(e.awsErrorDetails().errorCode());
    }

    private static void sleep(Sleeper sleeper, Duration delay, SecretsManagerException cause) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(interrupted);
            throw cause;
        }
    }
}

package org.socialdeclik.shared.aws;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Reads the token-signing key from Secrets Manager (generated there, never in the template). */
public final class SecretsManagerKey {
    private SecretsManagerKey() {}

    public static byte[] read(SecretsManagerClient client, String secretArn) {
        String value = client.getSecretValue(b -> b.secretId(secretArn)).secretString();
        if (value == null || value.length() < 32) {
            throw new IllegalStateException("the signing key secret is missing or shorter than 32 characters");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

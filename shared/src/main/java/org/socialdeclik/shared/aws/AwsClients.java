package org.socialdeclik.shared.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.socialdeclik.shared.config.Env;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds SDK clients the way a Lambda function should: once per container, with an explicit
 * region and credentials provider and the light url-connection HTTP client. The endpoint comes
 * from {@code AWS_ENDPOINT_URL} when set (an emulator), so no code names an emulator.
 */
public final class AwsClients {
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpoint;
    private final SdkHttpClient http;

    public AwsClients(Env env) {
        this.region = Region.of(env.get("AWS_REGION", "eu-west-3"));
        this.credentials = credentialsFrom(env);
        this.endpoint = env.get("AWS_ENDPOINT_URL").map(URI::create);
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static AwsCredentialsProvider credentialsFrom(Env env) {
        // SnapStart functions get their credentials from the container endpoint, not variables.
        if (env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return ContainerCredentialsProvider.builder().build();
        }
        Optional<String> key = env.get("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent()) {
            Optional<String> session = env.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(session
                    .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                            s -> AwsSessionCredentials.create(key.get(), secret.get(), s))
                    .orElseGet(() -> AwsBasicCredentials.create(key.get(), secret.get())));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(20))
                .build();
    }

    public DynamoDbClient dynamoDb() {
        var builder = DynamoDbClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(overrides());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** SES throttles at the account's send rate: back off and retry a few times before failing the record. */
    public SesV2Client ses() {
        var builder = SesV2Client.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(overrides().toBuilder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(6).build())
                        .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public SecretsManagerClient secretsManager() {
        var builder = SecretsManagerClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(overrides());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}

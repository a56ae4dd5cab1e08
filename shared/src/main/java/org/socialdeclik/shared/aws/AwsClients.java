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
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
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
    private final Optional<URI> sesEndpoint;
    private final SdkHttpClient http;

    public AwsClients(Env env) {
        this.region = Region.of(env.get("AWS_REGION", "eu-west-3"));
        this.credentials = credentialsFrom(env);
        this.endpoint = env.get("AWS_ENDPOINT_URL").map(URI::create);
        this.sesEndpoint = env.get("AWS_ENDPOINT_URL_SESV2").map(URI::create);
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

    /**
     * SendEmail is not idempotent: a retry after a timeout or a dropped connection sends the
     * message again when SES had taken it but answered late (the doubled emails of issue 13: a
     * 10 s socket timeout, then the SDK's standard retries). So this client retries only what
     * proves SES did not take the message, a throttling answer (SES drops a throttled message),
     * backing off as SES asks; every other failure reaches {@link SesEmailSender}, which tells a
     * refusal from an unknown outcome. {@code AWS_ENDPOINT_URL_SESV2}, the SDK's variable for this
     * service, overrides {@code AWS_ENDPOINT_URL} for SES alone.
     */
    public SesV2Client ses() {
        var builder = SesV2Client.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(overrides().toBuilder()
                        .retryStrategy(SES_RETRIES)
                        .build());
        sesEndpoint.or(() -> endpoint).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Throttling answers only: up to 6 attempts, with jittered backoff from 0.5 s up to 4 s a wait
     * (SES's sending rate is per second), so that the retries end well inside the 20 s call
     * timeout: a call timeout would turn a clear refusal into an unknown outcome.
     */
    static final RetryStrategy SES_RETRIES = DefaultRetryStrategy.standardStrategyBuilder()
            .useClientDefaults(false)
            .retryOnException(AwsClients::throttled)
            .treatAsThrottling(AwsClients::throttled)
            .maxAttempts(6)
            .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(4)))
            .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(4)))
            .circuitBreakerEnabled(false)
            .build();

    private static boolean throttled(Throwable e) {
        return e instanceof SdkServiceException service && (service.isThrottlingException() || service.statusCode() == 429);
    }

    /**
     * Any other client of the SDK (a function module that needs one more service), built as the
     * ones above: region, credentials, the shared HTTP client, timeouts and the endpoint override.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        builder.region(region).credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides());
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

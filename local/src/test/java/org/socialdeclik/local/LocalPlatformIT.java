package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.local.testfunctions.RecordingStreamHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The local run against the emulator that scripts/with-moto.sh starts (AWS_ENDPOINT_URL), driving
 * the test functions of it-template.yaml.
 */
class LocalPlatformIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalPlatform platform;
    private static String table;
    private static URI endpoint;

    @BeforeAll
    static void start() {
        endpoint = Emulator.endpoint();
        table = "it-" + UUID.randomUUID().toString().substring(0, 8);
        platform = LocalPlatform.start(LocalConfig.defaults()
                .withPort(0)
                .withTableName(table)
                .withEndpoint(endpoint)
                .withModeration(false)
                .withTemplate(TestTemplates.path("it-template.yaml"))
                .withPollInterval(Duration.ofMillis(50)));
        assertThat(platform.awaitHealthy(Duration.ofSeconds(30))).as("healthy").isTrue();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(platform.apiBaseUrl() + path));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return LocalMapper.MAPPER.readTree(response.body());
    }

    private static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void healthIsUpOnceEveryPartIs() throws Exception {
        HttpResponse<String> response = send(request("/_local/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("tables").get(0).asText()).isEqualTo(table);
        assertThat(health.get("streamPollers").get(0).get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aRouteReachesItsFunctionWithPathParametersAndTheResolvedEnvironment() throws Exception {
        HttpResponse<String> response = send(request("/echo/m-42?lang=fr").header("X-Test", "yes"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = json(response);
        assertThat(echo.get("version").asText()).isEqualTo("2.0");
        assertThat(echo.get("routeKey").asText()).isEqualTo("GET /echo/{id}");
        assertThat(echo.get("pathParameters").get("id").asText()).isEqualTo("m-42");
        assertThat(echo.get("queryStringParameters").get("lang").asText()).isEqualTo("fr");
        assertThat(echo.get("headers").get("x-test").asText()).isEqualTo("yes");
        assertThat(echo.get("functionName").asText()).isEqualTo("EchoFunction");
        assertThat(echo.get("remainingTimeInMillis").asInt()).isBetween(1, 15_000);
        JsonNode env = echo.get("environment");
        assertThat(env.get("TABLE_NAME").asText()).isEqualTo(table);
        assertThat(env.get("MODERATION").asText()).isEqualTo("off");
        assertThat(env.get("WEB_BASE_URL").asText()).isEqualTo("http://127.0.0.1:8080");
        assertThat(env.get("API_BASE_URL").asText()).isEqualTo(platform.apiBaseUrl());
        assertThat(env.get("SES_CONFIGURATION_SET").asText()).isEqualTo(table + "-emails");
        assertThat(env.get("AWS_ENDPOINT_URL").asText()).isEqualTo(endpoint.toString());
    }

    @Test
    void theSigningKeySecretHoldsAFreshRandom64CharacterKey() throws Exception {
        String arn = json(send(request("/echo/x"))).get("environment").get("SIGNING_KEY_SECRET_ARN").asText();

        try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(endpoint)
                .region(Region.EU_WEST_3).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String key = secrets.getSecretValue(b -> b.secretId(arn)).secretString();
            assertThat(key).hasSize(64).matches("[A-Za-z0-9]+");
        }
    }

    @Test
    void anUnknownRouteIsAProblem404() throws Exception {
        HttpResponse<String> response = send(request("/nowhere"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(json(response)).isEqualTo(LocalMapper.MAPPER.readTree(
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}"));
    }

    @Test
    void aFunctionThatThrowsGivesAProblem500WithoutItsInternals() throws Exception {
        HttpResponse<String> response = send(request("/boom"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).get("status").asInt()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("internal detail").doesNotContain("Exception")
                .doesNotContain("at org.");
    }

    @Test
    void aPreflightFromTheLocalWebAppIsAnsweredFromTheCorsConfiguration() throws Exception {
        HttpResponse<String> response = send(request("/emails")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:8080")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("access-control-allow-origin")).contains("http://127.0.0.1:8080");
        assertThat(response.headers().firstValue("access-control-allow-methods")).contains("GET,POST");
    }

    @Test
    void aWriteToTheTableReachesTheStreamFunctionThroughItsFilter() throws Exception {
        BlockingQueue<DynamodbEvent.DynamodbStreamRecord> received = RecordingStreamHandler.received(table);
        try (DynamoDbClient dynamoDb = dynamoDb()) {
            for (String[] item : new String[][] {{"it-1", "OUTBOX"}, {"it-2", "MISSION"}, {"it-3", "OUTBOX"}}) {
                dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(item[0]),
                        "sk", AttributeValue.fromS("x"), "entity", AttributeValue.fromS(item[1]))));
            }
        }

        List<DynamodbEvent.DynamodbStreamRecord> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (got.size() < 2 && System.nanoTime() < deadline) {
            DynamodbEvent.DynamodbStreamRecord record = received.poll(200, TimeUnit.MILLISECONDS);
            if (record != null && record.getDynamodb().getKeys().get("pk").getS().startsWith("it-")) {
                got.add(record);
            }
        }
        Thread.sleep(500); // what the filter dropped would have arrived by now

        assertThat(got).extracting(r -> r.getDynamodb().getKeys().get("pk").getS()).containsExactly("it-1", "it-3");
        assertThat(received).isEmpty();
        DynamodbEvent.DynamodbStreamRecord first = got.get(0);
        assertThat(first.getEventName()).isEqualTo("INSERT");
        assertThat(first.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(first.getAwsRegion()).isEqualTo("eu-west-3");
        assertThat(first.getEventSourceARN()).contains(":table/" + table + "/stream/");
        assertThat(first.getDynamodb().getNewImage().get("entity").getS()).isEqualTo("OUTBOX");
        assertThat(RecordingStreamHandler.batchSizes(table)).allMatch(size -> size <= 5);
    }

    @Test
    void aScheduledFunctionRunsOnDemand() throws Exception {
        HttpResponse<String> response = send(request("/_local/schedules/ScheduledFunction/Weekly")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("result").asText()).isEqualTo("run 1 from aws.events");
        assertThat(send(request("/_local/schedules/Nobody/Never").POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void anEmailSentThroughSesIsListedUntilForgotten() throws Exception {
        String to = "ana-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> sent = send(request("/emails").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + to + "\",\"subject\":\"Une mission\"}")));
        assertThat(sent.statusCode()).isEqualTo(202);

        JsonNode emails = json(send(request("/_local/emails")));
        JsonNode email = null;
        for (JsonNode candidate : emails) {
            if (candidate.get("to").get(0).asText().equals(to)) {
                email = candidate;
            }
        }
        assertThat(email).as("email to " + to + " in " + emails).isNotNull();
        assertThat(email.get("messageId").asText()).isEqualTo(json(sent).get("messageId").asText());
        assertThat(email.get("from").asText()).isEqualTo("robot@it.example");
        assertThat(email.get("subject").asText()).isEqualTo("Une mission");
        assertThat(email.get("text").asText()).contains("http://127.0.0.1:8080");
        assertThat(email.get("html").asText()).isEqualTo("<p>Bonjour</p>");
        assertThat(email.get("headers").get("List-Unsubscribe").asText())
                .isEqualTo("<" + platform.apiBaseUrl() + "/unsubscribe?token=t>");
        assertThat(email.get("headers").get("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(email.get("sentAt").asText()).isNotBlank();

        assertThat(send(request("/_local/emails").DELETE()).statusCode()).isEqualTo(204);
        assertThat(json(send(request("/_local/emails")))).isEmpty();
    }
}

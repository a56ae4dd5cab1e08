package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Runs the whole loop with INFO logs on and reads every line the platform wrote: no email address,
 * no token, no signing key may appear in any of them.
 */
class LogPrivacyIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_%-]+\\.[A-Za-z0-9_-]+)");

    static JsonNode send(String base, String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        String answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        return answer.isBlank() ? null : LocalMapper.MAPPER.readTree(answer);
    }

    static JsonNode awaitEmail(String base, String to, String subject) throws Exception {
        for (int i = 0; i < 300; i++) {
            for (JsonNode email : send(base, "GET", "/_local/emails", null, null)) {
                if (email.get("to").toString().contains(to) && email.get("subject").asText().contains(subject)) {
                    return email;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email " + subject + " to " + to);
    }

    static String token(JsonNode email, String page) {
        Matcher m = Pattern.compile(Pattern.quote(page) + "\\?(?:mission=[^&\\s]+&)?token=([^\\s&]+)").matcher(email.get("text").asText());
        assertThat(m.find()).isTrue();
        return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void no_log_line_of_a_whole_run_holds_an_address_a_token_or_the_key() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        String freelancer = "privacy-" + UUID.randomUUID() + "@example.org";
        String organisation = "asso-" + UUID.randomUUID() + "@example.org";
        List<String> secrets = new ArrayList<>(List.of(freelancer, organisation));
        LocalPlatform platform = null;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            platform = LocalPlatform.start(LocalConfig.defaults().withPort(0).withEndpoint(Emulator.endpoint())
                    .withTemplate(SamTemplate.find(Path.of("")).orElseThrow()).withModeration(false)
                    .withTableName("privacy-" + UUID.randomUUID().toString().substring(0, 8)));
            assertThat(platform.awaitHealthy(Duration.ofSeconds(60))).isTrue();
            String base = platform.apiBaseUrl();

            send(base, "POST", "/profiles", """
                    {"email": "%s", "firstName": "Ana", "lastName": "Martin", "skills": ["WordPress"],
                     "location": {"department": "35"}, "mobility": "REGION", "remote": true, "proBono": false,
                     "consent": true}""".formatted(freelancer), null);
            String verify = token(awaitEmail(base, freelancer, "Confirmez"), "/verify");
            String access = send(base, "POST", "/profiles/verify", "{\"token\":\"" + verify + "\"}", null).get("accessToken").asText();
            send(base, "POST", "/missions", """
                    {"title": "Site", "description": "Refaire le site", "skills": ["WP"], "workMode": "REMOTE",
                     "organization": {"name": "Asso", "type": "ASSOCIATION", "email": "%s"},
                     "budget": 3000, "estimatedDays": 6, "proBono": false, "startDate": "2030-02-01"}""".formatted(organisation), null);
            JsonNode proposal = awaitEmail(base, freelancer, "pour vous");
            String interest = token(proposal, "/interest");
            send(base, "POST", "/interests", "{\"token\":\"" + interest + "\"}", null);
            awaitEmail(base, organisation, "intéressé");
            send(base, "POST", "/unsubscribe", "{\"token\":\"" + token(proposal, "/unsubscribe") + "\"}", null);
            send(base, "POST", "/profiles/verify", "{\"token\":\"" + verify + "\"}", null); // a reused link: 409, logged
            send(base, "GET", "/profiles/me", null, access);
            send(base, "DELETE", "/profiles/me", null, access);
            send(base, "GET", "/profiles/me", null, access); // revoked: 401, logged

            for (JsonNode email : send(base, "GET", "/_local/emails", null, null)) {
                Matcher m = TOKEN.matcher(email.get("text").asText());
                while (m.find()) {
                    secrets.add(java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
                }
            }
            secrets.add(verify);
            secrets.add(access);
            String secretArn = platform.environmentOf("ProfilesFunction").get("SIGNING_KEY_SECRET_ARN");
            try (SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(Emulator.endpoint())
                    .region(Region.EU_WEST_3)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
                secrets.add(sm.getSecretValue(b -> b.secretId(secretArn)).secretString());
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
            System.setOut(original);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).as("the run logged at INFO").hasSizeGreaterThan(20);
        assertThat(secrets).hasSizeGreaterThan(6);
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
            assertThat(line).as("a log line").doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z]{2,}");
        }
    }
}

package org.socialdeclik.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.token.Purpose;
import org.socialdeclik.shared.token.Tokens;

/**
 * {@code make token PURPOSE=review SUBJECT=<mission id>}: a token signed with the key that a local
 * run (or an emulator it provisioned) holds, by the functions' own code ({@link Wiring#tokens()},
 * {@link Tokens}), for the sample events that carry one ({@code sam local invoke}, curl).
 *
 * <p>The emulator is {@code AWS_ENDPOINT_URL}, else the one of the local run answering on
 * {@code API} (default {@code http://127.0.0.1:3000}); the table is {@code TABLE}, else that run's.
 * A VERIFY token takes the profile's pending nonce from the table (it works once, as the email's).
 * With {@code EVENT=<sample>}, prints the sample with the token in place of its placeholder and,
 * for mission tokens, the mission id in place of the sample's.
 */
public final class TokenTool {
    static final String SAMPLE_MISSION_ID = "m-demo-1";
    private static final Pattern PLACEHOLDER = Pattern.compile("REPLACE_WITH_[A-Z_]+_TOKEN");

    private TokenTool() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(System.getenv()));
        } catch (IllegalArgumentException | IllegalStateException | TemplateException e) {
            System.err.println("make token: " + e.getMessage());
            System.exit(2);
        }
    }

    /** What {@code make token} prints for these variables: the token, or the sample event with it. */
    static String run(Map<String, String> env) {
        Purpose purpose = purpose(env.get("PURPOSE"));
        String named = required(env, "SUBJECT", "the id the token is about (a mission, a profile, "
                + "missionId:profileId for INTEREST, an admin's address for ADMIN)");
        // an admin token names its admin by a digest of the address, as the desk's emails do
        String subject = purpose == Purpose.ADMIN && named.contains("@") ? OutboxEntry.part(named) : named;
        LocalTarget target = localTarget(env);
        Path templatePath = SamTemplate.find(Path.of("")).orElseThrow(
                () -> new IllegalStateException("no template.yaml here or above: run it from the project"));
        List<SamTemplate.Resource> secrets = SamTemplate.load(templatePath).resourcesOfType(SamTemplate.SECRET);
        if (secrets.size() != 1) {
            throw new IllegalStateException("template.yaml declares " + secrets.size() + " secrets, not one signing key");
        }
        Map<String, String> functionEnv = target.functionEnv();
        functionEnv.put("SIGNING_KEY_SECRET_ARN", LocalAws.secretName(target.table(), secrets.get(0).logicalId()));
        Wiring wiring = new Wiring(Env.of(functionEnv));
        Tokens tokens = wiring.tokens();
        String token;
        if (purpose == Purpose.VERIFY) {
            String nonce = env.get("NONCE");
            if (blank(nonce)) {
                StoredProfile profile = wiring.store().profiles().findProfile(subject).orElseThrow(
                        () -> new IllegalArgumentException("no profile " + subject + " in table " + functionEnv.get("TABLE_NAME")));
                if (profile.verifyNonce() == null) {
                    throw new IllegalArgumentException("profile " + subject + " is not waiting for its verification");
                }
                nonce = profile.verifyNonce();
            }
            token = tokens.mint(purpose, subject, nonce);
        } else {
            token = tokens.mint(purpose, subject);
        }
        return blank(env.get("EVENT")) ? token : event(Path.of(env.get("EVENT").trim()), purpose, subject, token);
    }

    /** The emulator and the table of a local run, and what a function of it gets to reach them. */
    record LocalTarget(URI endpoint, String table) {
        Map<String, String> functionEnv() {
            Map<String, String> functionEnv = new LinkedHashMap<>();
            functionEnv.put("TABLE_NAME", table);
            functionEnv.put("AWS_ENDPOINT_URL", endpoint.toString());
            functionEnv.put("AWS_REGION", LocalConfig.DEFAULT_REGION); // the local run's, whatever the shell says
            functionEnv.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY);
            functionEnv.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_KEY);
            return functionEnv;
        }
    }

    /** The emulator: AWS_ENDPOINT_URL, else the one of the local run answering on API; the table: TABLE, else that run's. */
    static LocalTarget localTarget(Map<String, String> env) {
        URI endpoint;
        String table = blank(env.get("TABLE")) ? null : env.get("TABLE").trim();
        if (!blank(env.get("AWS_ENDPOINT_URL"))) {
            endpoint = URI.create(env.get("AWS_ENDPOINT_URL").trim());
        } else {
            JsonNode health = health(blank(env.get("API")) ? "http://127.0.0.1:3000" : env.get("API").trim());
            endpoint = URI.create(health.path("emulator").asText());
            if (table == null && health.path("tables").size() > 0) {
                table = health.path("tables").get(0).asText();
            }
        }
        return new LocalTarget(endpoint, table == null ? LocalConfig.DEFAULT_TABLE : table);
    }

    /** The sample with the token in place of its placeholder (and the mission id, for mission tokens). */
    static String event(Path sample, Purpose purpose, String subject, String token) {
        String json;
        try {
            json = Files.readString(sample, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sample, e);
        }
        Matcher placeholder = PLACEHOLDER.matcher(json);
        if (!placeholder.find()) {
            throw new IllegalArgumentException(sample + " has no REPLACE_WITH_..._TOKEN placeholder");
        }
        String expected = "REPLACE_WITH_" + purpose.name() + "_TOKEN";
        if (!placeholder.group().equals(expected)) {
            throw new IllegalArgumentException(sample + " wants " + placeholder.group() + ", not a " + purpose + " token");
        }
        String filled = json.replace(expected, token);
        if (purpose == Purpose.REVIEW || purpose == Purpose.MANAGE_MISSION) {
            filled = filled.replace(SAMPLE_MISSION_ID, subject);
        }
        return filled.strip();
    }

    static Purpose purpose(String value) {
        String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Purpose purpose : Purpose.values()) {
            if (purpose.name().equals(name)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("PURPOSE must be one of " + List.of(Purpose.values()).toString()
                .toLowerCase(Locale.ROOT).replace('_', '-') + ", got " + (blank(value) ? "nothing" : value));
    }

    private static JsonNode health(String api) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(api + "/_local/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode health = LocalMapper.MAPPER.readTree(response.body());
            if (blank(health.path("emulator").asText(null))) {
                throw new IllegalStateException("the local run on " + api + " has no emulator yet");
            }
            return health;
        } catch (IOException e) {
            throw new IllegalStateException("no local run answers on " + api + " (start make run, give its API=, "
                    + "or name the emulator with AWS_ENDPOINT_URL=)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static String required(Map<String, String> env, String name, String what) {
        if (blank(env.get(name))) {
            throw new IllegalArgumentException(name + " is missing: " + what);
        }
        return env.get(name).trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

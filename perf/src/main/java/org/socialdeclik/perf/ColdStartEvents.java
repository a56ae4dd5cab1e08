package org.socialdeclik.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.socialdeclik.shared.aws.TableLayout;

/**
 * The event each function gets on its first invocation: the real-shaped sample of events/,
 * adapted so that every fresh start does the same real work (a new address, a new mission id,
 * an outbox item nobody has sent yet).
 */
final class ColdStartEvents {
    /** Sample event per function of the template; a function not named here gets {@code {}}. */
    static final Map<String, String> SAMPLES = Map.of(
            "MissionsFunction", "missions/submit.json",
            "ProfilesFunction", "profiles/create.json",
            "MatchingFunction", "matching/mission-published.json",
            "DeferredProposalsFunction", "deferred/hourly.json",
            "MissionFollowUpFunction", "follow-up/hourly.json",
            "AvailabilityFunction", "availability/hourly.json",
            "NotifierFunction", "notifier/verification.json",
            "EmailFeedbackFunction", "feedback/permanent-bounce.json");

    private final Path events;
    private final Deque<String> pendingVerifications;
    private int counter;

    ColdStartEvents(Path events, Deque<String> pendingVerifications) {
        this.events = events;
        this.pendingVerifications = new ArrayDeque<>(pendingVerifications);
    }

    String sampleName(String logicalId) {
        return SAMPLES.getOrDefault(logicalId, "(none: {})");
    }

    /** The next event for this function, as JSON text. */
    String next(String logicalId, String run) {
        counter++;
        String sample = SAMPLES.get(logicalId);
        if (sample == null) {
            return ColdStartBench.isHello(logicalId) ? "{\"hello\":\"world\"}" : "{}";
        }
        ObjectNode event = read(sample);
        switch (logicalId) {
            case "ProfilesFunction" -> {
                ObjectNode body = body(event);
                body.put("email", "coldstart-" + run + "-" + counter + "@example.org");
                event.put("body", body.toString());
            }
            case "MatchingFunction" -> {
                String id = "m-coldstart-" + run + "-" + counter;
                for (JsonNode record : event.get("Records")) {
                    ObjectNode dynamodb = (ObjectNode) record.get("dynamodb");
                    ((ObjectNode) dynamodb.get("Keys").get(TableLayout.PK)).put("S", TableLayout.missionKey(id));
                    ObjectNode image = (ObjectNode) dynamodb.get("NewImage");
                    ((ObjectNode) image.get(TableLayout.PK)).put("S", TableLayout.missionKey(id));
                    ObjectNode doc = readTree(image.get(TableLayout.DOC).get("S").asText());
                    doc.put("id", id);
                    ((ObjectNode) image.get(TableLayout.DOC)).put("S", doc.toString());
                }
            }
            case "NotifierFunction" -> {
                String profileId = pendingVerifications.poll();
                if (profileId == null) {
                    throw new IllegalStateException("no unsent verification left to deliver");
                }
                for (JsonNode record : event.get("Records")) {
                    ObjectNode dynamodb = (ObjectNode) record.get("dynamodb");
                    String pk = TableLayout.outboxKey("VERIFY#" + profileId);
                    ((ObjectNode) dynamodb.get("Keys").get(TableLayout.PK)).put("S", pk);
                    ObjectNode image = (ObjectNode) dynamodb.get("NewImage");
                    ((ObjectNode) image.get(TableLayout.PK)).put("S", pk);
                    ((ObjectNode) image.get(TableLayout.REFS).get("M").get("profileId")).put("S", profileId);
                }
            }
            default -> {
            }
        }
        return event.toString();
    }

    private ObjectNode read(String sample) {
        try {
            return (ObjectNode) LocalApi.JSON.readTree(Files.readString(events.resolve(sample)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read events/" + sample, e);
        }
    }

    private static ObjectNode body(ObjectNode event) {
        return readTree(event.get("body").asText());
    }

    private static ObjectNode readTree(String json) {
        try {
            return (ObjectNode) LocalApi.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
